import {
  assignmentDecider, phaseDecider, planDecider, streamOf,
  type AggregateRef, type AssignmentCommand, type Decider, type PhaseCommand, type PlanCommand, type PlanledgerEvent,
} from '@planledger/domain';

export type EngineCommand = PlanCommand | PhaseCommand | AssignmentCommand;

/** Each aggregate's decider, and how often its state is snapshotted (assignments see most events). */
const aggregates = {
  plan: { decider: planDecider, snapshotEvery: 20 },
  phase: { decider: phaseDecider, snapshotEvery: 20 },
  assignment: { decider: assignmentDecider, snapshotEvery: 25 },
} as const;

export type AnyDecider = Decider<EngineCommand, PlanledgerEvent, unknown>;

export const deciderOf = (target: AggregateRef): AnyDecider => aggregates[target.aggregate].decider as unknown as AnyDecider;
export const snapshotEveryOf = (target: AggregateRef): number => aggregates[target.aggregate].snapshotEvery;
export { streamOf };

/**
 * Bump when a state shape changes: older snapshots are ignored and rebuilt from events.
 * The state is the deciders' own; the version lives here because snapshots are an engine concern.
 */
export const STATE_SCHEMA_VERSION = 1;
