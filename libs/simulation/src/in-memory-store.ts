import {
  assignmentDecider, phaseDecider, planDecider, streamOf,
  type AggregateRef, type AssignmentCommand, type AssignmentState, type Decider, type DomainError, type PhaseCommand, type PhaseState,
  type PlanCommand, type PlanState, type PlanledgerEvent,
} from '@planledger/domain';
import { RecentMap } from './recent-map';

export type SimulatedCommand = PlanCommand | PhaseCommand | AssignmentCommand;

interface Stream<S> {
  name: string;
  events: PlanledgerEvent[];
  retain: boolean;
  state: S;
}

export type ExecuteOutcome = { ok: true; events: PlanledgerEvent[] } | { ok: false; error: DomainError };

/**
 * The simulator's event store and command executor in one: one stream per aggregate, each with
 * its events and the state its decider folds them to (kept, so no stream is ever re-read).
 * Commands go through the real deciders, exactly as the service's executor gives them.
 */
export class InMemoryEventStore {
  private readonly plans = new RecentMap<Stream<PlanState>>();
  private readonly phases = new RecentMap<Stream<PhaseState>>();
  private readonly assignments = new RecentMap<Stream<AssignmentState>>();

  /** `retainEvents: false` keeps each stream's state and length only (a preview of years need not hold them all). */
  constructor(private readonly planId: string, private readonly retainEvents = true) {}

  plan(): PlanState {
    return this.plans.get(this.planId)?.state ?? planDecider.initialState();
  }

  phase(phaseId: string): PhaseState | undefined {
    return this.phases.get(phaseId)?.state;
  }

  assignment(assignmentId: string): AssignmentState | undefined {
    return this.assignments.get(assignmentId)?.state;
  }

  /** Every stream with its events, in the order each was appended. */
  *streams(): Iterable<{ stream: string; events: readonly PlanledgerEvent[] }> {
    for (const map of [this.plans, this.phases, this.assignments] as RecentMap<Stream<unknown>>[]) {
      for (const { name, events } of map.values()) yield { stream: name, events };
    }
  }

  /** Decides, appends and folds; `appended` hears each event once its stream's state includes it. */
  execute(target: AggregateRef, command: SimulatedCommand, appended: (event: PlanledgerEvent, stream: string, target: AggregateRef) => void): ExecuteOutcome {
    switch (target.aggregate) {
      case 'plan':
        return run(planDecider, streamIn(this.plans, target.planId, target, planDecider, this.retainEvents), command as PlanCommand, target, appended);
      case 'phase':
        return run(phaseDecider, streamIn(this.phases, target.phaseId, target, phaseDecider, this.retainEvents), command as PhaseCommand, target, appended);
      case 'assignment':
        return run(assignmentDecider, streamIn(this.assignments, target.assignmentId, target, assignmentDecider, this.retainEvents), command as AssignmentCommand, target, appended);
    }
  }
}

function streamIn<S>(map: RecentMap<Stream<S>>, key: string, target: AggregateRef, decider: { initialState: () => S }, retain: boolean): Stream<S> {
  let stream = map.get(key);
  if (!stream) {
    stream = { name: streamOf(target), events: [], retain, state: decider.initialState() };
    map.set(key, stream);
  }
  return stream;
}

function run<C, E extends PlanledgerEvent, S>(
  decider: Decider<C, E, S>, stream: Stream<S>, command: C, target: AggregateRef, appended: (event: PlanledgerEvent, stream: string, target: AggregateRef) => void,
): ExecuteOutcome {
  const decision = decider.decide(command, stream.state);
  if (!decision.ok) return decision;
  for (const event of decision.events) {
    stream.state = decider.evolve(stream.state, event);
    if (stream.retain) stream.events.push(event);
    appended(event, stream.name, target);
  }
  return decision;
}
