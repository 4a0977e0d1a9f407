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

/**
 * One bulletin the plan issues by itself: at `dueAt`, as of `dueAt`, on `period` (the week or
 * month before, or the phase just ended). `slotId` is deterministic (`weekly.2024-05-13`,
 * `monthly.2024-06`, `phase.norm-year`), so issuing a slot twice is recognisable.
 */
export interface ScheduledBulletin {
  slotId: string;
  dueAt: string;
  period: { kind: 'window'; from: string; to: string } | { kind: 'phase'; phaseId: string };
}

export interface BulletinTimetable {
  weekly?: BulletinWeekday;
  monthly?: number;
  phaseEnd: boolean;
  /** Every bulletin due over the plan's span, in time order (compiled where the plan's zone is known). */
  slots: ScheduledBulletin[];
}
