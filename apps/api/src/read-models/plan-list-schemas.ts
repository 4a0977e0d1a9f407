import { z } from 'zod';

/** Answer shapes of the plan and department lists (documentation and the web client's types). */

export const progressSchema = z.object({
  total: z.number().int().describe('obligations of the current schedule not issued yet, plus every issued assignment'),
  notIssued: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()).describe('issued assignments by status'),
  accepted: z.number().int(),
  percentAccepted: z.number().describe('accepted / (total − waived − cancelled), in percent with one decimal'),
});

export const planSummarySchema = z.object({
  planId: z.string(),
  title: z.string(),
  documentNumber: z.string(),
  issuingAuthority: z.string(),
  timeZone: z.string(),
  status: z.enum(['draft', 'published', 'closed']),
  startsAt: z.string(),
  endsAt: z.string(),
  amendments: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  progress: progressSchema,
});

export const planListAnswer = z.object({ plans: z.array(planSummarySchema) });

export const departmentListAnswer = z.object({
  departments: z.array(z.object({
    departmentId: z.string(),
    name: z.string(),
    kind: z.string(),
    parent: z.string().nullable(),
    planIds: z.array(z.string()).describe('the plans whose current schedule names it'),
  })),
});

const assignmentStatus = z.enum(['issued', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'waived', 'cancelled']);

export const phaseViewSchema = z.object({
  phaseId: z.string(),
  name: z.string(),
  kind: z.string(),
  order: z.number().int(),
  status: z.string(),
  opensAt: z.string(),
  closingStartsAt: z.string(),
  closesAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  opensAfter: z.string().optional().describe('an undated phase (after: previous): it opens when this phase closes; opensAt is then only the earliest it could open'),
  progress: progressSchema,
});

export const departmentProgressSchema = z.object({ departmentId: z.string(), name: z.string().nullable(), progress: progressSchema });

export const planAssignmentSchema = z.object({
  planId: z.string(),
  assignmentId: z.string(),
  ref: z.string().describe('`${planId}.${assignmentId}`: unique across plans, usable as /assignments/{id}'),
  measureId: z.string(),
  title: z.string(),
  phaseId: z.string().nullable(),
  departmentId: z.string(),
  responsibility: z.string(),
  periodKey: z.string(),
  status: assignmentStatus,
  issueAt: z.string(),
  dueAt: z.string(),
  issuedAt: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  overdueSince: z.string().nullable(),
  escalationLevel: z.number().int(),
  remindersSent: z.number().int(),
  lastEventAt: z.string(),
  allowedActions: z.array(z.string()).describe('the commands the state machine allows in this status'),
});

/** `asOf` of an answer replayed from the events (GET /plans/{id}?asOf=, /plans/{id}/summary?asOf=). */
export const planAsOfSchema = z.object({
  instant: z.string().describe('the moment shown, UTC'),
  basis: z.enum(['recorded', 'business']),
  requested: z.string().describe('what the caller sent'),
  eventsReplayed: z.number().int().describe('events read and folded: on or before the instant'),
  eventsAfter: z.number().int().describe('events read but left out: after the instant'),
  departmentId: z.string().optional().describe('set when only this department\'s work was replayed (`department=` with asOf): every count is of its work alone (ADR 0012)'),
});

/** A target for one unit (or plan-wide): its milestones, the values measured and the status they gave (ADR 0023). */
const measuredValueSchema = z.union([z.number(), z.boolean(), z.string()]);
export const targetSeriesSchema = z.object({
  targetId: z.string(),
  metric: z.string(),
  kind: z.enum(['threshold', 'pass-fail', 'grade', 'ratio', 'cumulative', 'rising', 'held']),
  unit: z.string(),
  comparison: z.enum(['>=', '<=', '=']).optional(),
  levels: z.array(z.string()).optional().describe('grade: the levels, lowest first'),
  baseline: z.object({ period: z.string(), value: z.number() }).optional(),
  unitId: z.string().nullable().describe('null: the target is plan-wide'),
  milestones: z.array(z.object({ period: z.string(), value: measuredValueSchema })).describe('in period order; the last is the target itself'),
  measurements: z.array(z.object({ period: z.string(), value: measuredValueSchema, measuredAt: z.string(), assignmentId: z.string().optional() })).describe('the value in force per period, in period order'),
  status: z.enum(['on-track', 'at-risk', 'met', 'missed']).nullable().describe('null until the first value'),
  reason: z.string().nullable(),
  direction: z.enum(['up', 'down']).optional().describe('rising: which way is better'),
});

export const planSummaryAnswer = z.object({
  plan: planSummarySchema,
  phases: z.array(phaseViewSchema),
  byDepartment: z.array(departmentProgressSchema),
  targets: z.array(targetSeriesSchema).optional().describe('each target per unit with its values and status (GET /plans/{id}, and every replay as of a date)'),
  asOf: planAsOfSchema.optional(),
});

/** An outside event as GET /plans/{id} shows it: waiting for its date, or its recorded occurrences (ADR 0015, 0020). */
export const outsideEventViewSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  recurring: z.boolean().describe('it happens more than once: each occurrence is recorded and issues the work hanging on it'),
  inspection: z.boolean().describe('an unannounced inspection: recorded against the units inspected, issues nothing'),
  expected: z.object({ from: z.string(), to: z.string() }).nullable().describe('local dates the plan expects it between; null when the plan names none'),
  status: z.enum(['waiting', 'recorded']).describe('waiting: no date recorded yet (at the time asked about)'),
  expectedPassed: z.boolean().describe("still waiting although its expected window ended before the day asked about (the plan's zone)"),
  occurrences: z.array(z.object({
    occurrence: z.number().int().describe('1, 2, … per event'),
    date: z.string().describe("the event's local date (YYYY-MM-DD)"),
    recordedAt: z.string().describe("business time of the recording, in the plan's zone with its offset"),
    recordedBy: z.object({ userId: z.string(), role: z.string(), displayName: z.string().optional().describe("the person's name in the people directory") }).nullable(),
    units: z.array(z.string()).describe("an inspection's inspected units"),
    note: z.string(),
    assignmentsIssued: z.number().int().describe('assignments this occurrence issued, as known at the time asked about'),
  })),
});

export const planPageAnswer = planSummaryAnswer.extend({
  outsideEvents: z.array(outsideEventViewSchema).describe('the outside events the plan names (empty when none); with asOf, as known then'),
  assignments: z.array(planAssignmentSchema).describe('one page, by due date then id'),
  page: z.object({ limit: z.number().int(), nextCursor: z.string().nullable().describe('null on the last page') }),
});
