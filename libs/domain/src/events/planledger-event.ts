import type { AssignmentEvent } from '../assignment/assignment.events';
import type { PhaseEvent } from '../phase/phase.events';
import type { PlanEvent } from '../plan/plan.events';

/** Every event the engine stores, keyed by its stable `type`. */
export type PlanledgerEvent = PlanEvent | PhaseEvent | AssignmentEvent;
export type PlanledgerEventType = PlanledgerEvent['type'];

/** The current schema version of each event type: what `decide` writes today. */
export const currentSchemaVersions: Record<PlanledgerEventType, number> = {
  PlanDrafted: 1,
  PlanDraftRevised: 1,
  PlanPublished: 1,
  PlanAmended: 1,
  PlanClosed: 1,
  PhaseScheduled: 1,
  PhaseOpened: 1,
  PhaseClosingStarted: 1,
  PhaseClosed: 1,
  PhaseRescheduled: 1,
  PhaseCancelled: 1,
  AssignmentIssued: 1,
  AssignmentAcknowledged: 1,
  AssignmentStarted: 1,
  AssignmentProgressReported: 1,
  AssignmentSubmitted: 1,
  AssignmentReviewPassed: 1,
  AssignmentReturned: 1,
  AssignmentAccepted: 1,
  AssignmentReminderDue: 1,
  AssignmentOverdue: 1,
  AssignmentEscalated: 1,
  AssignmentWaived: 1,
  AssignmentReassigned: 1,
  AssignmentCancelled: 1,
  AssignmentDeadlineMoved: 1,
};

export const isPlanledgerEventType = (type: string): type is PlanledgerEventType => Object.hasOwn(currentSchemaVersions, type);
