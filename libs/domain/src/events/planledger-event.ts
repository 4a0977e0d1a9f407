import type { AssignmentEvent } from '../assignment/assignment.events';
import type { PhaseEvent } from '../phase/phase.events';
import type { PlanEvent } from '../plan/plan.events';

/** Every event the engine stores, keyed by its stable `type`. */
export type PlanledgerEvent = PlanEvent | PhaseEvent | AssignmentEvent;
export type PlanledgerEventType = PlanledgerEvent['type'];

/** The schema version each event type is written at today, as its type declares it. */
export type SchemaVersionOf<T extends PlanledgerEventType> = Extract<PlanledgerEvent, { type: T }>['schemaVersion'];

/** The current schema version of each event type: what `decide` writes today (checked against the types). */
export const currentSchemaVersions: { readonly [T in PlanledgerEventType]: SchemaVersionOf<T> } = {
  PlanDrafted: 1,
  PlanDraftRevised: 1,
  PlanPublished: 1,
  PlanAmended: 1,
  PlanClosed: 1,
  OutsideEventRecorded: 1,
  PhaseScheduled: 1,
  PhaseOpened: 1,
  PhaseClosingStarted: 1,
  PhaseClosed: 1,
  PhaseRescheduled: 1,
  PhaseCancelled: 1,
  AssignmentIssued: 1,
  AssignmentAcknowledged: 2,
  AssignmentStarted: 2,
  AssignmentProgressReported: 3,
  AssignmentSubmitted: 3,
  AssignmentReviewPassed: 2,
  AssignmentReturned: 2,
  AssignmentAccepted: 2,
  AssignmentReminderDue: 2,
  AssignmentOverdue: 2,
  AssignmentEscalated: 2,
  AssignmentWaived: 2,
  AssignmentReassigned: 2,
  AssignmentCancelled: 2,
  AssignmentDeadlineMoved: 2,
  RosterAssigned: 1,
  TargetMeasured: 1,
  TargetStatusChanged: 1,
  InspectionRecorded: 1,
  FindingRecorded: 1,
};

export const isPlanledgerEventType = (type: string): type is PlanledgerEventType => Object.hasOwn(currentSchemaVersions, type);
