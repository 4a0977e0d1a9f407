import type { PlanCommandType } from './plan.commands';

export type PlanStatus = 'none' | 'draft' | 'published' | 'closed';

/** The plan lifecycle in one table: drafted, revised while a draft, published, amended while running, closed. */
export const planTransitions: Record<PlanStatus, Partial<Record<PlanCommandType, PlanStatus | 'same'>>> = {
  none: { DraftPlan: 'draft' },
  draft: { ReviseDraft: 'same', PublishPlan: 'published' },
  published: { AmendPlan: 'same', ClosePlan: 'closed', RecordOutsideEvent: 'same', AssignRoster: 'same', RecordMeasurement: 'same', JudgeTargetPeriods: 'same', RecordInspection: 'same', RecordFinding: 'same' },
  closed: {},
};

export const allowedPlanCommands = (status: PlanStatus): PlanCommandType[] => Object.keys(planTransitions[status]) as PlanCommandType[];
