import {
  assignmentDecider, phaseDecider, planDecider, streamOf,
  type AggregateKind, type AssignmentCommand, type AssignmentEvent, type AssignmentRef, type AssignmentState, type Decider,
  type PhaseCommand, type PhaseEvent, type PhaseRef, type PhaseState, type PlanCommand, type PlanEvent, type PlanRef,
  type PlanState, type PlanledgerEvent,
} from '@planledger/domain';

/** Each aggregate's address, commands, events and state: what ties a command to the state it returns. */
interface AggregateTypes {
  plan: { ref: PlanRef; command: PlanCommand; event: PlanEvent; state: PlanState };
  phase: { ref: PhaseRef; command: PhaseCommand; event: PhaseEvent; state: PhaseState };
  assignment: { ref: AssignmentRef; command: AssignmentCommand; event: AssignmentEvent; state: AssignmentState };
}

export type RefOf<K extends AggregateKind> = AggregateTypes[K]['ref'];
export type CommandOf<K extends AggregateKind> = AggregateTypes[K]['command'];
export type EventOf<K extends AggregateKind> = AggregateTypes[K]['event'];
export type StateOf<K extends AggregateKind> = AggregateTypes[K]['state'];
export type EngineCommand = CommandOf<AggregateKind>;
export type AggregateState = StateOf<AggregateKind>;

type Deciders = { [K in AggregateKind]: Decider<CommandOf<K>, EventOf<K>, StateOf<K>> };
/** A mapped type over the kinds, so that `deciders[kind]` keeps command, event and state of one kind together. */
const deciders: Deciders = { plan: planDecider, phase: phaseDecider, assignment: assignmentDecider };

/** Assignments see most events, so their state is snapshotted a little less often per event. */
const snapshotEvery: Record<AggregateKind, number> = { plan: 20, phase: 20, assignment: 25 };

/* Exhaustive lists (a new command or event type that is not listed here fails to compile). */
const commandTypes: { [K in AggregateKind]: Record<CommandOf<K>['type'], true> } = {
  plan: { DraftPlan: true, ReviseDraft: true, PublishPlan: true, AmendPlan: true, ClosePlan: true, RecordOutsideEvent: true, AssignRoster: true, RecordMeasurement: true, JudgeTargetPeriods: true, RecordInspection: true, RecordFinding: true },
  phase: { SchedulePhase: true, OpenPhase: true, BeginPhaseClosing: true, ClosePhase: true, ReschedulePhase: true, CancelPhase: true },
  assignment: {
    AcknowledgeAssignment: true, StartAssignment: true, ReportProgress: true, SubmitAssignment: true, ReturnAssignment: true,
    AcceptAssignment: true, ReassignAssignment: true, WaiveAssignment: true, IssueAssignment: true, SendReminder: true,
    MarkOverdue: true, EscalateAssignment: true, CancelAssignment: true, MoveDeadline: true,
  },
};
const eventTypes: { [K in AggregateKind]: Record<EventOf<K>['type'], true> } = {
  plan: { PlanDrafted: true, PlanDraftRevised: true, PlanPublished: true, PlanAmended: true, PlanClosed: true, OutsideEventRecorded: true, RosterAssigned: true, TargetMeasured: true, TargetStatusChanged: true, InspectionRecorded: true, FindingRecorded: true },
  phase: { PhaseScheduled: true, PhaseOpened: true, PhaseClosingStarted: true, PhaseClosed: true, PhaseRescheduled: true, PhaseCancelled: true },
  assignment: {
    AssignmentIssued: true, AssignmentAcknowledged: true, AssignmentStarted: true, AssignmentProgressReported: true,
    AssignmentSubmitted: true, AssignmentReviewPassed: true, AssignmentReturned: true, AssignmentAccepted: true,
    AssignmentReminderDue: true, AssignmentOverdue: true, AssignmentEscalated: true, AssignmentWaived: true,
    AssignmentReassigned: true, AssignmentCancelled: true, AssignmentDeadlineMoved: true,
  },
};

export const deciderOf = <K extends AggregateKind>(kind: K): Deciders[K] => deciders[kind];
export const snapshotEveryOf = (kind: AggregateKind): number => snapshotEvery[kind];

export const isCommandOf = <K extends AggregateKind>(kind: K, command: EngineCommand): command is CommandOf<K> =>
  Object.hasOwn(commandTypes[kind], command.type);
export const isEventOf = <K extends AggregateKind>(kind: K, event: PlanledgerEvent): event is EventOf<K> =>
  Object.hasOwn(eventTypes[kind], event.type);

export { streamOf };

/**
 * Bump when a state shape changes: older snapshots are ignored and rebuilt from events.
 * The state is the deciders' own; the version lives here because snapshots are an engine concern.
 */
// 2: a PlanAmended removing a target drops its series from plan state (ADR 0023, amended 2026-12-06);
// a snapshot folded before it could still hold them and resurrect them if the id came back.
export const STATE_SCHEMA_VERSION = 2;
