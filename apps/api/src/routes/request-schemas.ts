import { z } from 'zod';
import { INSTANT_RANGE_TEXT, isDateInRange, isInstantInRange } from '../commands/instant-range';

/**
 * The zod schemas of every request part. The route table points at them; validation and the
 * OpenAPI document both come from there, so the documentation cannot drift from what is checked.
 */

/** Plan ids as `preparePlan` accepts them (they become stream names and BullMQ job ids). */
export const planIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a plan id: lower-case letters, digits and "-", at most 63');
/** Assignment ids are `${measureId}.${departmentId}.${periodKey}`: ASCII, no ":" or "/". */
export const assignmentIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'an assignment id: letters, digits, ".", "_" and "-"');
export const departmentIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a department id: letters, digits, ".", "_" and "-"');
const isoDate = z.iso.date('a date as YYYY-MM-DD');
/** A date a command will record (shifted into instants): inside the range every instant must keep (commands/instant-range.ts). */
const recordedDate = isoDate.refine(isDateInRange, `a date ${INSTANT_RANGE_TEXT}`);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const planParams = z.strictObject({ id: planIdSchema });
export const assignmentParams = z.strictObject({ id: assignmentIdSchema });
export const departmentParams = z.strictObject({ id: departmentIdSchema });

export const importPlanQuery = z.strictObject({
  rebase: recordedDate.optional().describe('shift every date so that the plan starts on this day (in its time zone)'),
  planId: planIdSchema.optional().describe('import under another id, e.g. a rebased copy beside the original'),
  fileName: z.string().max(200).optional().describe('name used in error locations (default plan.yaml / plan.json)'),
});
export const publishPlanQuery = z.strictObject({
  confirmPastDue: z.enum(['true', 'false']).optional()
    .describe('publish even though the span has started and some work is already past due (it is issued at once and marked overdue)'),
});

export const amendPlanQuery = importPlanQuery.omit({ planId: true }).extend({
  reason: text(2000).optional().describe('why the plan changes (or `reason` in the JSON envelope)'),
});

/** The amendment preview takes what an amendment takes but its reason: it records nothing. */
export const previewAmendmentQuery = importPlanQuery.omit({ planId: true });

/** application/json alternative to a raw definition: the text plus the files it refers to. */
export const planEnvelopeSchema = z.strictObject({
  definition: z.string().min(1, 'send the plan definition (YAML or JSON text)'),
  fileName: z.string().min(1).max(200).optional(),
  files: z.record(z.string().min(1).max(200), z.string()).optional().describe('files the definition refers to (departmentsFile), by name'),
  reason: text(2000).optional().describe('amendments only: why the plan changes'),
});

export const closePlanBody = z.strictObject({ reason: text(2000) });
/** An outside event's date as a planner records it; an inspection names the units inspected. */
export const recordOutsideEventBody = z.strictObject({
  eventId: z.string().min(1).max(200).describe('the id the plan gives the event under events:'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').describe("the event's date in the plan's zone"),
  units: z.array(z.string().min(1).max(200)).max(500).optional().describe('for an inspection: the units inspected'),
  note: text(2000).optional(),
});
/** A phase of a plan: ids as the plan language allows them (lower-case letters, digits, "-"). */
export const phaseParams = z.strictObject({ id: planIdSchema, phaseId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a phase id: lower-case letters, digits and "-"') });
/** Closing a phase takes no fields yet; anything sent is refused by name rather than ignored (ADR 0019). */
export const closePhaseBody = z.strictObject({});
export const closedPhaseAnswer = z.object({ planId: z.string(), phaseId: z.string(), status: z.literal('closed'), at: z.string(), opensNext: z.array(z.string()) });
/** A roster as its file says it (ADR 0022): role@unit → people; `fileName` names it in the record. */
export const assignRosterBody = z.strictObject({
  plan: planIdSchema.optional().describe('the plan the roster is for; must be the plan of the path when given'),
  roster: z.array(z.strictObject({
    role: z.string().min(1).max(64).describe('a role the plan gives work to, e.g. head-teacher'),
    unit: z.string().min(1).max(100).describe('the unit it is held at, e.g. school-a'),
    people: z.array(z.union([
      z.string().min(1).max(200),
      z.strictObject({ id: z.string().min(1).max(200), name: z.string().min(1).max(200).optional() }),
    ])).max(200).describe("person ids (as they sign in), or { id, name }; a missing name is the people directory's; [] vacates the role"),
  })).min(1).max(5000),
  fileName: z.string().min(1).max(200).optional().describe('the roster file this came from, kept in the record'),
});
const rosterHolding = z.object({
  roleId: z.string(), unitId: z.string(),
  people: z.array(z.object({ personId: z.string(), name: z.string() })),
  since: z.string().describe('when the roster naming them was recorded (business time)'),
});
export const assignRosterAnswer = z.object({ planId: z.string(), at: z.string(), assigned: z.number().int().describe('role@unit entries recorded'), holdings: z.array(rosterHolding) });
export const planRosterQuery = z.strictObject({
  asOf: z.iso.datetime({ offset: true, message: 'an instant with its offset, e.g. 2024-03-01T00:00:00+08:00' }).optional().describe('who held each role then (business time); default now'),
});
export const planRosterAnswer = z.object({ planId: z.string(), asOf: z.string().nullable(), holdings: z.array(rosterHolding).describe('role@unit with someone named, by role then unit') });
/** A target's value for a period, recorded by a planner (reporting assignments carry theirs in submit). */
export const recordMeasurementBody = z.strictObject({
  targetId: z.string().min(1).max(200).describe('the id the plan gives the target under targets:'),
  unitId: z.string().min(1).max(200).nullable().optional().describe('the unit measured; leave out (or null) for a plan-wide target'),
  period: z.string().regex(/^\d{4}(-\d{4})?$/, 'a year ("2023") or a school year ("2022-2023")').describe("the target's milestone period"),
  value: z.union([z.number(), z.boolean(), z.string().trim().min(1).max(200)]).describe('a number in the target\'s unit, true/false (pass-fail) or a level (grade)'),
});
export const measurementAnswer = z.object({
  planId: z.string(), targetId: z.string(), unitId: z.string().nullable(), period: z.string(),
  status: z.enum(['on-track', 'at-risk', 'met', 'missed']).nullable().describe('the status after this value'), at: z.string(),
});
export const outsideEventAnswer = z.object({ planId: z.string(), eventId: z.string(), occurrence: z.number().int(), date: z.string(), at: z.string() });

/** Headers of commands besides the bearer token (who acts comes from the token: auth/authorization.guard.ts). */
export const commandHeadersSchema = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().describe('same key → the retried command appends nothing new'),
});

export const assignmentQuery = z.strictObject({
  planId: planIdSchema.optional().describe('the plan holding the assignment; needed only when several plans use the same assignment id'),
});

const note = z.string().max(10_000);
/** Lower-case hex SHA-256 of an uploaded file's content. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex (64 characters)');
/** Most bytes one uploaded file may have (50 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const referenceAttachment = z.strictObject({ name: z.string().max(500).optional(), ref: text(2000).describe('where the document is kept (URL, archive number)') });
const fileAttachment = z.strictObject({
  sha256: sha256Schema.describe('as POST /assignments/{id}/files answered: the file must have been uploaded for this assignment'),
  name: text(255).describe('the file name the event records'),
  size: z.number().int().min(0).max(MAX_FILE_BYTES).describe('bytes, as uploaded'),
  mediaType: z.string().min(1).max(200).describe('as uploaded'),
});
const attachments = z
  .array(z.union([fileAttachment, referenceAttachment], { error: 'an attachment is an uploaded file {sha256, name, size, mediaType} or a reference {ref, name?}' }))
  .max(100);

/** GET /assignments/{id}/files/{sha256}. */
export const assignmentFileParams = z.strictObject({ id: assignmentIdSchema, sha256: sha256Schema });

/** One body per action, after the assignment commands in libs/domain. */
export const assignmentActionBodies = {
  acknowledge: z.strictObject({}),
  start: z.strictObject({}),
  progress: z.strictObject({ note: text(10_000), count: z.number().int().min(1).max(10_000).optional().describe('how many of the required reports this covers (default 1)'), attachments: attachments.optional() }),
  submit: z.strictObject({
    note: note.optional(),
    attachments: attachments.optional(),
    value: z.union([z.number(), z.boolean(), z.string().trim().min(1).max(200)]).optional().describe('a reporting assignment\'s value for its target (ADR 0023): a number in the target\'s unit, true/false (pass-fail) or a level (grade)'),
  }),
  return: z.strictObject({ reason: text(2000) }),
  accept: z.strictObject({ note: note.optional() }),
  reassign: z.strictObject({ toDepartmentId: departmentIdSchema, reason: text(2000) }),
  waive: z.strictObject({ reason: text(2000) }),
} as const;
export type AssignmentAction = keyof typeof assignmentActionBodies;
export type AssignmentActionBody<A extends AssignmentAction> = z.output<(typeof assignmentActionBodies)[A]>;

const assignmentStatuses = ['issued', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'waived', 'cancelled'] as const;
/** Most assignments one page holds; the default is 100. */
export const MAX_PAGE_LIMIT = 500;

/** GET /plans/{id}: a page of the plan's assignments, narrowed by the filters (each optional). */
export const planAssignmentsQuery = z.strictObject({
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(assignmentStatuses)))
    .optional()
    .describe(`assignment statuses, comma-separated: ${assignmentStatuses.join(', ')}`),
  department: departmentIdSchema.optional().describe('the department holding the assignment'),
  phase: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a phase id').optional().describe('the phase it belongs to'),
  measure: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a measure id').optional().describe('the measure it comes from'),
  overdue: z.enum(['true', 'false']).transform((value) => value === 'true').optional().describe('true: still owed and past its deadline; false: the others'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(100).describe(`assignments per page (at most ${MAX_PAGE_LIMIT})`),
  cursor: z.string().max(400).optional().describe('`page.nextCursor` of the previous page'),
});

export const listPlansQuery = z.strictObject({ status: z.enum(['draft', 'published', 'closed']).optional() });
export const timelineQuery = z.strictObject({
  events: z.coerce.number().int().min(1).max(500).default(50).describe('how many recent events'),
  timers: z.coerce.number().int().min(1).max(500).default(50).describe('how many upcoming timers'),
});
export const overdueQuery = z.strictObject({ planId: planIdSchema.optional() });
export const inboxQuery = z.strictObject({ planId: planIdSchema.optional() });
export const departmentsQuery = z.strictObject({ planId: planIdSchema.optional().describe("only this plan's departments") });

export const setClockBody = z.union([
  z.strictObject({
    set: z.iso.datetime({ offset: true }).refine((at) => isInstantInRange(new Date(at)), `an instant ${INSTANT_RANGE_TEXT}`).describe('new business time (never earlier than now)'),
  }),
  z.strictObject({
    advance: z.union([
      z.string().regex(/^P(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/, 'an ISO-8601 duration in weeks, days, hours, minutes, seconds (e.g. P30D, PT12H)'),
      z.number().positive().max(36_600).describe('days'),
    ]),
  }),
]);

/** GET /me/inbox: narrowed by plan and by assignment status (each optional). */
export const myInboxQuery = z.strictObject({
  plan: planIdSchema.optional().describe("only this plan's work"),
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(assignmentStatuses)))
    .optional()
    .describe(`assignment statuses, comma-separated: ${assignmentStatuses.join(', ')}`),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(100).describe(`items per group at most (${MAX_PAGE_LIMIT}); the counts are of all`),
});
