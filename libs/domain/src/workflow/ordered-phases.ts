import type { PhaseClosed, PhaseOpened } from '../phase/phase.events';
import type { PhaseObligation, PlanSchedule, Obligation } from '../schedule/plan-schedule';
import { systemActor } from '../shared/actor';
import { DAY_MS, instantOf, toMillis, type Instant } from '../shared/time';
import type { AggregateStates, PlanWorkflowOutput } from './plan-workflow';

/**
 * The undated phases of the schedule in force (`after: previous`, ADR 0019): which phase each
 * opens after, and the work dated from their openings. Absent when the plan has none.
 */
export interface OrderedPhases {
  /** The plan's end: a phase closed then (by the schedule) opens nothing after it. */
  endsAt: Instant;
  successors: readonly { phaseId: string; opensAfter: string }[];
  obligations: readonly PhaseObligation[];
}

export function orderedPhasesOf(schedule: Pick<PlanSchedule, 'endsAt' | 'phases' | 'phaseObligations'>): OrderedPhases | undefined {
  const successors = schedule.phases.flatMap((p) => (p.opensAfter === undefined ? [] : [{ phaseId: p.phaseId, opensAfter: p.opensAfter }]));
  if (successors.length === 0) return undefined;
  return { endsAt: schedule.endsAt, successors, obligations: schedule.phaseObligations ?? [] };
}

/**
 * A phase closed, by its date or by a planner: every undated phase that follows it opens now.
 * OpenPhase on a phase not waiting (cancelled by an amendment, already open) decides nothing.
 */
export function openPhasesAfter(event: PhaseClosed, ordered: OrderedPhases): PlanWorkflowOutput[] {
  const { planId, phaseId } = event.data;
  if (toMillis(event.at) >= toMillis(ordered.endsAt)) return [];
  const metadata = { actor: systemActor, at: event.at };
  return ordered.successors
    .filter((s) => s.opensAfter === phaseId)
    .map((s): PlanWorkflowOutput => ({
      type: 'GiveCommand',
      target: { aggregate: 'phase', planId, phaseId: s.phaseId },
      command: { type: 'OpenPhase', data: { planId, phaseId: s.phaseId }, metadata },
    }));
}

/** An undated phase opened: its work is issued now, due its offset × 24 h after the opening; never twice. */
export function issueOnPhaseOpened(event: PhaseOpened, ordered: OrderedPhases, aggregates: AggregateStates): PlanWorkflowOutput[] {
  const { planId, phaseId } = event.data;
  const metadata = { actor: systemActor, at: event.at };
  return ordered.obligations.flatMap(({ offsetDays, ...terms }): PlanWorkflowOutput[] => {
    if (terms.phaseId !== phaseId) return [];
    const status = aggregates.assignment(terms.assignmentId)?.status;
    if (status !== undefined && status !== 'not_issued') return [];
    const dueMs = Math.max(toMillis(event.at) + offsetDays * DAY_MS, toMillis(event.at));
    const obligation: Obligation = { ...terms, issueAt: event.at, dueAt: instantOf(dueMs) };
    return [{ type: 'GiveCommand', target: { aggregate: 'assignment', planId, assignmentId: terms.assignmentId }, command: { type: 'IssueAssignment', data: { planId, obligation }, metadata } }];
  });
}
