/*
 * The plan's 考核 rubric and bulletin timetable as compiled into its schedule (PlanPublished /
 * PlanAmended carry them), so that an assessment as of a past moment uses the rubric in force then.
 * Written by the planner in the plan file (docs/plan-language/assessment.md).
 */

/** Points per occurrence, with an optional cap on the rule's total for one unit in one period. */
export interface RubricRuleOf {
  points: number;
  limit?: number;
}

export type RubricRuleName =
  | 'acceptedOnTime' | 'acceptedLate' | 'overdue' | 'escalated' | 'returned'
  | 'finding' | 'repeatedFinding' | 'targetMet' | 'targetMissed';

export interface AssessmentRubric {
  /** Units assessed, classes resolved to their members; absent: every unit holding work in the period. */
  units?: string[];
  periods: 'phase' | 'plan';
  base: number;
  rules: Partial<Record<RubricRuleName, RubricRuleOf>>;
  floor?: number;
  cap?: number;
  commend?: { top?: number; minScore?: number };
}

export type BulletinWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface BulletinTimetable {
  weekly?: BulletinWeekday;
  monthly?: number;
  phaseEnd: boolean;
}
