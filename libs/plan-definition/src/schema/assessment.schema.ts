import { z } from 'zod';
import { Identifier } from './primitives.schema';

/*
 * 考核 and scheduled 通报: how a plan scores its units and when it issues bulletins
 * (docs/plan-language/assessment.md). Each rule is points per occurrence; `limit` caps what one
 * rule can add or take away for one unit in one period ("扣完为止" of a single item).
 */

/** Points per occurrence, or points with a cap on the rule's total for one unit (absolute value). */
export const RubricRule = z.union([
  z.number(),
  z.strictObject({
    points: z.number(),
    limit: z.number().positive().optional().describe('The most this rule adds or takes away for one unit in one period (absolute value)'),
  }),
]);
export type RubricRule = z.infer<typeof RubricRule>;

export const AssessmentRules = z.strictObject({
  acceptedOnTime: RubricRule.optional().describe('Per piece of work accepted, submitted by its deadline (按时办结)'),
  acceptedLate: RubricRule.optional().describe('Per piece of work accepted, submitted after its deadline (逾期办结); usually negative'),
  overdue: RubricRule.optional().describe('Per piece still owed and past its deadline at the moment of assessment (逾期未办结); usually negative'),
  escalated: RubricRule.optional().describe('Per piece escalated (督办) at least once; usually negative'),
  returned: RubricRule.optional().describe('Per return (退回修改) of a piece; usually negative'),
  finding: RubricRule.optional().describe('Per inspection finding (督查发现问题) against the unit; usually negative'),
  repeatedFinding: RubricRule.optional().describe('Per finding that repeats an earlier one (屡查屡犯); default: the finding rule'),
  targetMet: RubricRule.optional().describe('Per target of the unit met in the period (目标达成)'),
  targetMissed: RubricRule.optional().describe('Per target of the unit missed in the period (目标未达成); usually negative'),
});
export type AssessmentRules = z.infer<typeof AssessmentRules>;

export const Assessment = z.strictObject({
  units: z.array(Identifier).min(1).optional().describe('Units or classes assessed (考核对象); default: every unit holding work in the period'),
  periods: z.enum(['phase', 'plan']).default('phase').describe('Scored per phase (each theme year) or over the whole plan'),
  base: z.number().default(100).describe('基础分: every unit starts with it'),
  rules: AssessmentRules,
  floor: z.number().optional().describe('The lowest score a unit can get (保底分)'),
  cap: z.number().optional().describe('The highest score a unit can get (封顶分)'),
  commend: z
    .strictObject({
      top: z.number().int().positive().optional().describe('The first N by rank (ties at N all included)'),
      minScore: z.number().optional().describe('Only units scoring at least this'),
    })
    .optional()
    .describe('表彰: who the commendation list proposes'),
});
export type Assessment = z.infer<typeof Assessment>;

/** Written as the recurring deadlines write weekdays. */
export const BulletinWeekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** When bulletins are issued by themselves (besides on demand). */
export const BulletinSchedule = z.strictObject({
  weekly: BulletinWeekday.optional().describe('Every week on this weekday, covering the Monday-to-Sunday week before it (每周通报)'),
  monthly: z.number().int().min(1).max(28).optional().describe('Every month on this day, covering the month before (每月通报)'),
  phaseEnd: z.boolean().default(false).describe('At the end of each phase, covering that phase (阶段通报)'),
});
export type BulletinSchedule = z.infer<typeof BulletinSchedule>;
