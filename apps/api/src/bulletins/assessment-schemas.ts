import { z } from 'zod';
import { planIdSchema } from '../routes/request-schemas';

/*
 * GET /plans/{id}/assessment and its workbook: the plan's 考核 rubric applied to the record as of a
 * moment (docs/plan-language/assessment.md, ADR 0025).
 */

const asOfText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date (YYYY-MM-DD: the end of that day in the plan\'s time zone) or an ISO-8601 date-time with an offset');

export const assessmentParams = z.strictObject({ id: planIdSchema });

export const assessmentQuery = z.strictObject({
  asOf: asOfText.optional().describe('default: now (service clock); a bare date is the end of that day where the plan lives'),
  asOfBasis: z.enum(['recorded', 'business']).default('recorded')
    .describe('recorded (default): what the store had recorded by then; business: events whose business time is by then (use this under the virtual clock, e.g. the demo)'),
  period: z.string().min(1).max(100).optional()
    .describe('a phase id (a theme year), or "plan" for the whole plan; default: the phase the moment falls in, or the plan when the rubric scores the whole plan'),
});

const rubricRule = z.enum(['acceptedOnTime', 'acceptedLate', 'overdue', 'escalated', 'returned', 'finding', 'repeatedFinding', 'targetMet', 'targetMissed']);
const itemSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assignment'), assignmentId: z.string(), title: z.string() }),
  z.object({ kind: z.literal('finding'), findingId: z.string(), inspectionId: z.string(), text: z.string(), repeatOf: z.string().optional() }),
  z.object({ kind: z.literal('target'), targetId: z.string(), period: z.string(), status: z.enum(['met', 'missed']) }),
]);

export const assessmentAnswer = z.object({
  planId: z.string(),
  period: z.object({ kind: z.enum(['plan', 'phase']), phaseId: z.string().optional(), name: z.string().nullable() }),
  judgedAt: z.string(),
  base: z.number(),
  floor: z.number().nullable(),
  cap: z.number().nullable(),
  commend: z.object({ top: z.number().optional(), minScore: z.number().optional() }).nullable(),
  units: z.array(z.object({
    rank: z.number(), unitId: z.string(), name: z.string(), base: z.number(), earned: z.number(), deducted: z.number(), raw: z.number(), score: z.number(),
    boundedBy: z.enum(['floor', 'cap']).nullable(), decidedBy: z.enum(['first', 'score', 'deducted', 'tied']), commended: z.boolean(),
    items: z.array(z.object({ rule: rubricRule, count: z.number(), points: z.number(), limitedFrom: z.number().optional(), source: itemSource })),
  })).describe('best first: higher score; equal scores, smaller deductions; equal on both, the same rank, listed by unit id'),
  planWideTargets: z.array(z.object({ targetId: z.string(), period: z.string(), status: z.enum(['met', 'missed']) })),
});

/** The bulletin preview's section carrying the assessment. */
export const assessmentSection = z.object({ kind: z.literal('assessment'), assessment: assessmentAnswer });
