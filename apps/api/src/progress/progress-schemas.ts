import { z } from 'zod';
import { departmentIdSchema, planIdSchema } from '../routes/request-schemas';

/*
 * The planners' watching pages (issue 14): plan list, timeline, progress matrix, charts, overdue
 * work. Requests are checked here; answers are typed here so that the OpenAPI document and the
 * web app's generated client know them, and the integration tests parse real answers with them.
 */

const instant = z.string().describe("an instant in the plan's time zone with its offset");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("a day in the plan's time zone, YYYY-MM-DD");
const measureIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a measure id: letters, digits, ".", "_" and "-"');
const phaseIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a phase id: letters, digits, ".", "_" and "-"');

export const workState = z.enum(['accepted', 'on_time', 'due_soon', 'overdue', 'escalated', 'not_issued']);
const counts = z.array(z.number().int()).length(6).describe('counts in the order of `states`: accepted, on_time, due_soon, overdue, escalated, not_issued');
const cursor = z.string().max(400).optional().describe('`page.nextCursor` of the previous page, unchanged');
const pageInfo = z.object({ limit: z.number().int(), nextCursor: z.string().nullable().describe('null on the last page') });

// ---- GET /progress/plans
export const progressPlansQuery = z.strictObject({
  status: z.enum(['draft', 'published', 'closed']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('plans per page (at most 200)'),
});
const phaseRef = z.object({ phaseId: z.string(), name: z.string(), kind: z.string(), opensAt: instant, closesAt: instant });
export const progressPlansAnswer = z.object({
  now: instant.describe('business time the states were judged at'),
  states: z.array(workState),
  total: z.number().int().describe('plans matching, in all'),
  offset: z.number().int(),
  limit: z.number().int(),
  plans: z.array(z.object({
    planId: z.string(),
    title: z.string(),
    timeZone: z.string(),
    status: z.enum(['draft', 'published', 'closed']),
    startsAt: instant,
    endsAt: instant,
    currentPhase: phaseRef.nullable().describe('the phase open now (or, between phases, the next one); null after the last'),
    counts,
    total: z.number().int().describe('work owed by the schedule: issued (waived and cancelled left out) and not yet issued'),
    percentAccepted: z.number(),
    percentOnTime: z.number().describe('issued, not finished, not overdue'),
    percentOverdue: z.number().describe('overdue or escalated'),
    escalations: z.number().int().describe('escalations that happened (each level reached by an assignment is one)'),
  })),
});

// ---- GET /progress/plans/{id}/timeline
export const progressPlanParams = z.strictObject({ id: planIdSchema });
export const progressTimelineAnswer = z.object({
  planId: z.string(),
  title: z.string(),
  timeZone: z.string(),
  status: z.string(),
  startsAt: instant,
  endsAt: instant,
  now: instant,
  phases: z.array(phaseRef.extend({
    order: z.number().int(),
    status: z.string(),
    opensAfter: z.string().optional().describe('an undated phase: it opens when this phase closes; until then its dates are only bounds (ADR 0019)'),
  })),
  measures: z.array(z.object({ id: z.string(), title: z.string() })),
  days: z.array(day).describe('the deadline days, ascending; marks point into it'),
  marks: z.array(z.array(z.number().int()).length(6)).describe(
    'one mark per (deadline day, measure), not per assignment: [day index, measure index, owed in all, accepted, overdue (or escalated), due soon]',
  ),
});

// ---- GET /progress/plans/{id}/matrix
export const progressMatrixQuery = z.strictObject({
  by: z.enum(['measure', 'phase']).default('measure').describe('columns: the measures, or the phases'),
  sort: z.enum(['overdue', 'department']).default('overdue').describe('rows: most overdue (and escalated) first, or by department id'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('departments per page (at most 200)'),
});
export const progressMatrixAnswer = z.object({
  planId: z.string(),
  now: instant,
  by: z.enum(['measure', 'phase']),
  states: z.array(workState),
  columns: z.array(z.object({ id: z.string(), name: z.string(), totals: counts })),
  totalRows: z.number().int().describe('departments with work in this plan, in all'),
  offset: z.number().int(),
  limit: z.number().int(),
  rows: z.array(z.object({
    departmentId: z.string(),
    name: z.string(),
    totals: counts,
    cells: z.array(counts).describe('one per column, in the order of `columns`'),
  })),
});

// ---- GET /progress/plans/{id}/cell
export const progressCellQuery = z.strictObject({
  department: departmentIdSchema,
  measure: measureIdSchema.optional(),
  phase: phaseIdSchema.optional(),
  state: workState.optional().describe('one state of the cell; every issued state when left out'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor,
});
export const progressCellAnswer = z.object({
  total: z.number().int(),
  items: z.array(z.object({
    ref: z.string().nullable().describe('`${planId}.${assignmentId}` for /assignments/{id}; null when not issued yet'),
    planId: z.string(),
    assignmentId: z.string(),
    measureId: z.string(),
    title: z.string(),
    periodKey: z.string(),
    departmentId: z.string(),
    state: workState,
    status: z.string().nullable().describe('the assignment status; null when not issued yet'),
    issueAt: instant,
    dueAt: instant,
    escalationLevel: z.number().int(),
  })),
  page: pageInfo,
});

// ---- GET /progress/plans/{id}/charts
export const progressChartsAnswer = z.object({
  planId: z.string(),
  now: instant,
  weeks: z.array(day).describe('Mondays from the plan\'s start to its end'),
  phases: z.array(z.object({
    phaseId: z.string(),
    name: z.string(),
    total: z.number().int(),
    accepted: z.array(z.number()).describe('per week: share of the phase\'s work accepted by the end of that week, percent; up to now only'),
    due: z.array(z.number()).describe('per week: share of the phase\'s work due by the end of that week, percent'),
  })),
  overdueByDepartment: z.array(z.object({ departmentId: z.string(), name: z.string(), overdue: z.number().int(), escalated: z.number().int() }))
    .describe('the 15 departments with most overdue work, most first'),
});

// ---- GET /progress/overdue and /progress/overdue/export
export const progressOverdueFilter = z.strictObject({
  plan: planIdSchema.optional(),
  department: departmentIdSchema.optional(),
  minLevel: z.coerce.number().int().min(0).max(20).optional().describe('at least this escalation level (1: escalated at least once)'),
});
export const progressOverdueQuery = progressOverdueFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor,
});
export const overdueItem = z.object({
  ref: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  assignmentId: z.string(),
  measureId: z.string(),
  title: z.string(),
  periodKey: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: z.string(),
  dueAt: instant,
  overdueSince: instant.nullable(),
  daysOverdue: z.number().int(),
  escalationLevel: z.number().int(),
  escalatedTo: z.string().nullable().describe('the department the latest escalation went to'),
  escalatedToName: z.string().nullable(),
});
export const progressOverdueAnswer = z.object({
  now: instant,
  total: z.number().int(),
  items: z.array(overdueItem),
  page: pageInfo,
});

export type ProgressPlansAnswer = z.infer<typeof progressPlansAnswer>;
export type ProgressTimelineAnswer = z.infer<typeof progressTimelineAnswer>;
export type ProgressMatrixAnswer = z.infer<typeof progressMatrixAnswer>;
export type ProgressCellAnswer = z.infer<typeof progressCellAnswer>;
export type ProgressChartsAnswer = z.infer<typeof progressChartsAnswer>;
export type ProgressOverdueAnswer = z.infer<typeof progressOverdueAnswer>;
export type OverdueItem = z.infer<typeof overdueItem>;
