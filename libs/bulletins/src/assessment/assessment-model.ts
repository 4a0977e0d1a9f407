import type { RubricRuleName } from '@planledger/domain';

/*
 * What an assessment (考核) of a plan's units says, item by item: every point a unit gained or lost
 * names the rule and the assignment, finding or target that earned it (docs/plan-language/assessment.md,
 * docs/decisions/0025-assessment-and-scheduled-bulletins.md).
 */

export type AssessmentPeriod = { kind: 'plan' } | { kind: 'phase'; phaseId: string };

export type ItemSource =
  | { kind: 'assignment'; assignmentId: string; title: string }
  | { kind: 'finding'; findingId: string; inspectionId: string; text: string; repeatOf?: string }
  | { kind: 'target'; targetId: string; period: string; status: 'met' | 'missed' };

export interface AssessmentItem {
  rule: RubricRuleName;
  /** Occurrences this item stands for (returns of one assignment); 1 otherwise. */
  count: number;
  /** Points counted: the rule's points × count, cut down when the rule's limit was reached. */
  points: number;
  /** The points before the limit cut them (absent when nothing was cut). */
  limitedFrom?: number;
  source: ItemSource;
}

export interface UnitAssessment {
  rank: number;
  unitId: string;
  name: string;
  base: number;
  /** Sum of the positive items. */
  earned: number;
  /** Sum of the negative items (≤ 0). */
  deducted: number;
  /** base + earned + deducted, before floor and cap. */
  raw: number;
  score: number;
  /** Which bound set the score, when one did. */
  boundedBy: 'floor' | 'cap' | null;
  /** Why this unit stands below the one above: the first rule that told them apart, or tied. */
  decidedBy: 'first' | 'score' | 'deducted' | 'tied';
  commended: boolean;
  items: AssessmentItem[];
}

export interface Assessment {
  planId: string;
  period: AssessmentPeriod & { name: string | null };
  /** The business instant deadlines were judged at (as in the bulletin, ADR 0017). */
  judgedAt: string;
  base: number;
  floor: number | null;
  cap: number | null;
  commend: { top?: number; minScore?: number } | null;
  /** Units, best first. */
  units: UnitAssessment[];
  /** Plan-wide targets (unitId null) met or missed: they belong to no unit and score for none. */
  planWideTargets: { targetId: string; period: string; status: 'met' | 'missed' }[];
}

/** 按时办结 … as the documents and the web page name the rules. */
export const RULE_LABELS: Record<RubricRuleName, string> = {
  acceptedOnTime: '按时办结',
  acceptedLate: '逾期办结',
  overdue: '逾期未办结',
  escalated: '被督办',
  returned: '退回修改',
  finding: '督查发现问题',
  repeatedFinding: '问题重复出现',
  targetMet: '目标达成',
  targetMissed: '目标未达成',
};
