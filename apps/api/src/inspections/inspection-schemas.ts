import { z } from 'zod';
import { planAsOfQuery } from '../audit/audit-request-schemas';
import { departmentIdSchema, planIdSchema } from '../routes/request-schemas';

/** Inspection ids become part of assignment ids: ASCII letters, digits, '-' and '_' (no '.'). */
const inspectionIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'an inspection id: letters, digits, "-" and "_", at most 63');
const isoDate = z.iso.date('a date as YYYY-MM-DD');

export const inspectionParams = z.strictObject({ id: planIdSchema, inspectionId: inspectionIdSchema });

/** An inspection as recorded: one the plan names (its id) takes the plan's units; an unannounced one names them. */
export const recordInspectionBody = z.strictObject({
  inspectionId: inspectionIdSchema.describe('the id under inspections: of the plan, or a new id for an unannounced inspection'),
  date: isoDate.describe("the day it took place, in the plan's zone"),
  inspectingUnitId: departmentIdSchema.optional().describe('the inspecting unit (default: the plan\'s for a named inspection)'),
  unitIds: z.array(departmentIdSchema).min(1).max(500).optional().describe('the units inspected (default: the plan\'s for a named inspection)'),
  eventId: z.string().min(1).max(200).optional().describe('the outside event marked inspection it was, when it was one'),
});
export const inspectionAnswer = z.object({
  planId: z.string(), inspectionId: z.string(), inspectingUnitId: z.string(), unitIds: z.array(z.string()), date: z.string(), scheduled: z.boolean(), at: z.string(),
});

export const recordFindingBody = z.strictObject({
  unitId: departmentIdSchema.describe('the inspected unit the finding is about'),
  text: z.string().trim().min(1, 'must not be empty').max(2000).describe('what was found (问题)'),
  code: z.string().trim().min(1).max(100).optional().describe('a category (e.g. homework-load): a later finding of the same category for the same unit is marked as repeated'),
  repeatOf: z.string().min(1).max(200).optional().describe('the earlier finding (id) this one repeats'),
  rectificationDays: z.number().int().min(1).max(3650).optional().describe('days to rectify (default: the inspection\'s, else 30)'),
  dueDate: isoDate.optional().describe('or the rectification deadline: the end of this day in the plan\'s zone'),
});
export const findingAnswer = z.object({
  planId: z.string(), inspectionId: z.string(), findingId: z.string(), unitId: z.string(), rectificationAssignmentId: z.string(),
  repeatOf: z.string().nullable(), dueAt: z.string(), at: z.string(),
});

export const listFindingsQuery = planAsOfQuery.extend({
  unit: departmentIdSchema.optional().describe('only the findings about this inspected unit'),
});

const unitRef = z.object({ id: z.string(), name: z.string() });
export const findingView = z.object({
  findingId: z.string(), inspectionId: z.string(), inspectionDate: z.string(), inspectingUnit: unitRef, scheduled: z.boolean(), unit: unitRef,
  text: z.string(), code: z.string().nullable(), repeatOf: z.string().nullable(), recordedAt: z.string(),
  rectification: z.object({
    assignmentId: z.string(), status: z.string(), dueAt: z.string(), dueDate: z.string(), dueWeekday: z.string(), overdue: z.boolean(), acceptedAt: z.string().nullable(),
  }),
});
export const findingsAnswer = z.object({
  planId: z.string(),
  findings: z.array(findingView),
  byUnit: z.array(z.object({ unitId: z.string(), name: z.string(), findings: z.number(), repeated: z.number(), rectified: z.number(), overdue: z.number() })),
  asOf: z.object({ instant: z.string(), basis: z.enum(['recorded', 'business']), requested: z.string() }).nullable(),
});

export type RecordInspectionBody = z.output<typeof recordInspectionBody>;
export type RecordFindingBody = z.output<typeof recordFindingBody>;
export type InspectionAnswer = z.output<typeof inspectionAnswer>;
export type FindingAnswer = z.output<typeof findingAnswer>;
export type FindingsAnswer = z.output<typeof findingsAnswer>;
