import { z } from 'zod';
import { personIdSchema } from '../../auth/people-schemas';
import { assignmentIdSchema, departmentIdSchema, planIdSchema } from '../../routes/request-schemas';

export const EVENT_LOG_MAX_LIMIT = 200;

/** GET /audit/events: every filter optional; they combine with "and". */
export const eventLogQuery = z.strictObject({
  plan: planIdSchema.optional().describe("the plan's streams: plan, phases, assignments and the record of notifications about them"),
  department: departmentIdSchema.optional().describe('events about the department (named in the data: holder, new holder, recipient) or done by one of its people'),
  assignment: assignmentIdSchema.optional().describe('one assignment: `{planId}.{assignmentId}`, or the bare id with `plan`; its stream and its notifications record'),
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'an event type, e.g. AssignmentSubmitted').optional(),
  person: personIdSchema.optional().describe('who did it (metadata.actor.userId)'),
  from: z.iso.datetime({ offset: true }).optional().describe('recorded at or after (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('recorded before (exclusive)'),
  limit: z.coerce.number().int().min(1).max(EVENT_LOG_MAX_LIMIT).default(50),
  cursor: z.string().max(200).optional().describe('`page.nextCursor` of the previous page'),
});
export type EventLogQuery = z.output<typeof eventLogQuery>;

export const eventLogEntry = z.object({
  stream: z.string(),
  revision: z.number(),
  position: z.string().describe('global order, "commit:prepare"'),
  eventId: z.string(),
  type: z.string(),
  schemaVersion: z.number(),
  planId: z.string().nullable(),
  departmentId: z.string().nullable(),
  actor: z.object({ userId: z.string(), role: z.string(), departmentId: z.string().optional() }).nullable(),
  businessTime: z.string().nullable(),
  recordedAt: z.string(),
  summary: z.string().describe('the data in one line (as the export\'s summary column); GET /audit/streams/{stream} has it whole'),
  prevHash: z.string(),
  hash: z.string(),
});
export type EventLogEntry = z.output<typeof eventLogEntry>;

export const eventLogAnswer = z.object({
  events: z.array(eventLogEntry).describe('newest recorded first'),
  page: z.object({ limit: z.number(), nextCursor: z.string().nullable().describe('null on the last page') }),
});
export type EventLogAnswer = z.output<typeof eventLogAnswer>;
