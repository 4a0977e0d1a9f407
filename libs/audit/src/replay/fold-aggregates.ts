import {
  assignmentDecider, isPlanledgerEventType, phaseDecider, planDecider,
  type AssignmentEvent, type AssignmentState, type PhaseEvent, type PhaseState, type PlanEvent, type PlanState,
} from '@planledger/domain';
import { toDomainEvent } from '@planledger/engine';
import type { StoredEvent } from '@planledger/event-store';

/*
 * Each aggregate folded with its own decider's evolve, as the engine loads it; plus the few
 * instants the read models show that the deciders' states do not keep (when a phase opened, when
 * work was issued), taken from the events as the projections take them.
 */

const domainEventsOf = (events: readonly StoredEvent[]) =>
  [...events].sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0)).filter((e) => isPlanledgerEventType(e.type)).map(toDomainEvent);

export interface FoldedPlan {
  state: PlanState;
  /** Business time of the last event that changed what the plan row shows. */
  updatedAt: string;
}

export function foldPlan(events: readonly StoredEvent[]): FoldedPlan | undefined {
  let state = planDecider.initialState();
  let updatedAt: string | undefined;
  for (const event of domainEventsOf(events) as PlanEvent[]) {
    state = planDecider.evolve(state, event);
    updatedAt = event.at;
  }
  return state.status === 'none' || updatedAt === undefined ? undefined : { state, updatedAt };
}

export interface FoldedPhase {
  state: PhaseState;
  openedAt: string | null;
  closedAt: string | null;
}

export function foldPhase(events: readonly StoredEvent[]): FoldedPhase | undefined {
  let state = phaseDecider.initialState();
  let openedAt: string | null = null;
  let closedAt: string | null = null;
  for (const event of domainEventsOf(events) as PhaseEvent[]) {
    state = phaseDecider.evolve(state, event);
    if (event.type === 'PhaseOpened') openedAt = event.at;
    if (event.type === 'PhaseClosed') closedAt = event.at;
  }
  return state.phase && state.status !== 'unscheduled' ? { state, openedAt, closedAt } : undefined;
}

export interface FoldedAssignment {
  state: AssignmentState;
  issuedAt: string;
  lastEventAt: string;
}

export function foldAssignment(events: readonly StoredEvent[]): FoldedAssignment | undefined {
  let state = assignmentDecider.initialState();
  let issuedAt: string | undefined;
  let lastEventAt: string | undefined;
  for (const event of domainEventsOf(events) as AssignmentEvent[]) {
    // As the projection: events before the stream's AssignmentIssued have nothing to evolve.
    if (issuedAt === undefined && event.type !== 'AssignmentIssued') continue;
    state = assignmentDecider.evolve(event.type === 'AssignmentIssued' ? assignmentDecider.initialState() : state, event);
    issuedAt ??= event.at;
    lastEventAt = event.at;
  }
  return state.obligation && issuedAt && lastEventAt ? { state, issuedAt, lastEventAt } : undefined;
}
