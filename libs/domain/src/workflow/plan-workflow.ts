import { amendmentEffects } from '../amendment/amendment-effects';
import type { AssignmentCommand } from '../assignment/assignment.commands';
import type { AssignmentState } from '../assignment/assignment.state';
import type { PlanledgerEvent } from '../events/planledger-event';
import type { FindingRecorded } from '../inspection/inspection.events';
import type { PhaseCommand } from '../phase/phase.commands';
import type { PhaseState } from '../phase/phase.state';
import type { PlanStatus } from '../plan/plan.transitions';
import { systemActor } from '../shared/actor';
import type { OutsideEventRecorded } from '../plan/plan.events';
import { rectificationObligation, type InspectionFacts } from '../inspection/rectification';
import type { EventObligation, FollowOnObligation, Obligation, WorkingDayTable } from '../schedule/plan-schedule';
import { eventDueMs, followOnDueAt } from './working-day-offsets';
import { DAY_MS, instantOf, toMillis, type Instant } from '../shared/time';
import type { AggregateRef } from '../streams/stream-names';
import { timersForAssignment } from '../timers/assignment-timers';
import { timersForSchedule } from '../timers/schedule-timers';
import type { Timer, TimerKind } from '../timers/timer';
import type { Workflow } from './workflow';
import { issueOnPhaseOpened, openPhasesAfter, orderedPhasesOf, type OrderedPhases } from './ordered-phases';

/** A recorded event and the aggregate whose stream holds it. */
export interface PlanWorkflowInput {
  target: AggregateRef;
  event: PlanledgerEvent;
}

/** The plan's own facts the workflow keeps by evolving: its status and when it was published. */
export interface PlanFacts {
  planId: string;
  status: PlanStatus;
  /** Timers never take effect before this: one due earlier fires at publication. */
  publishedAt?: Instant;
  /** Work hanging on outside events, from the schedule in force (published or last amended). */
  eventObligations?: readonly EventObligation[];
  /** Undated phases and their work, from the schedule in force (ADR 0019; absent: none). */
  orderedPhases?: OrderedPhases;
  /** The schedule's holiday table, for offsets counted in working days (ADR 0020). */
  workingDayTable?: WorkingDayTable;
  /** Inspections recorded so far (ADR 0024): who reviews the rectification of their findings. */
  inspections?: Readonly<Record<string, InspectionFacts>>;
  /** The schedule's default escalation unit (overdue rectification goes there). */
  escalationDefault?: string;
}

/**
 * The current states of the plan's aggregates, as their deciders fold them. The workflow reads,
 * never keeps them: each host answers from its own store (the simulator's memory, the read
 * models, the command executor). After `evolve` they include the input event.
 */
export interface AggregateStates {
  assignment(assignmentId: string): AssignmentState | undefined;
  phase(phaseId: string): PhaseState | undefined;
}

export interface PlanWorkflowState {
  plan: PlanFacts;
  aggregates: AggregateStates;
}

/** Which pending timers an output replaces: the whole plan's, its schedule's, or one assignment's. */
export type TimerScope =
  | { of: 'plan'; planId: string }
  | { of: 'schedule'; planId: string }
  | { of: 'assignment'; planId: string; assignmentId: string };

/** The kinds a schedule implies (replaced as a whole when a plan is published or amended). */
export const SCHEDULE_TIMER_KINDS: readonly TimerKind[] = ['phase-open', 'phase-closing', 'phase-close', 'assignment-issue', 'target-period-end'];

export type PlanWorkflowOutput =
  /** Give this command now, at the business time of the event that caused it. */
  | { type: 'GiveCommand'; target: AggregateRef; command: PhaseCommand | AssignmentCommand }
  /** Every timer pending in the scope is replaced by these; none takes effect before `notBefore`. */
  | { type: 'SetTimers'; scope: TimerScope; timers: Timer[]; notBefore: Instant | undefined };

const noAggregates: AggregateStates = { assignment: () => undefined, phase: () => undefined };

export function evolvePlanWorkflow(state: PlanWorkflowState, { event }: PlanWorkflowInput): PlanWorkflowState {
  switch (event.type) {
    case 'PlanDrafted':
      return { ...state, plan: { planId: event.data.planId, status: 'draft' } };
    case 'PlanDraftRevised':
      return state;
    case 'PlanPublished':
      return { ...state, plan: { ...state.plan, status: 'published', publishedAt: event.at, eventObligations: event.data.schedule.eventObligations, orderedPhases: orderedPhasesOf(event.data.schedule), workingDayTable: event.data.schedule.workingDayTable, ...escalationOf(event.data.schedule) } };
    case 'PlanAmended':
      return { ...state, plan: { ...state.plan, eventObligations: event.data.schedule.eventObligations, orderedPhases: orderedPhasesOf(event.data.schedule), workingDayTable: event.data.schedule.workingDayTable, ...escalationOf(event.data.schedule) } };
    case 'InspectionRecorded':
      return { ...state, plan: { ...state.plan, inspections: { ...state.plan.inspections, [event.data.inspectionId]: { inspectingUnitId: event.data.inspectingUnitId } } } };
    case 'PlanClosed':
      return { ...state, plan: { ...state.plan, status: 'closed' } };
    default:
      return state;
  }
}

/**
 * What follows from what, once for the service and the simulator:
 * - a plan published schedules its phases, and its schedule sets the timers that open, close
 *   and issue (a phase opens at its time; its work is issued at each obligation's issue time);
 * - an issued assignment (and every later event of it) sets the reminders, overdue mark and
 *   escalations it still needs; work no longer owed needs none;
 * - an amendment cancels and re-dates open work, schedules, moves or ends phases, and replaces
 *   the schedule's timers (work already issued is not issued again);
 * - a phase closed opens the undated phases that follow it, and an undated phase opened issues
 *   the work dated from its opening (ADR 0019);
 * - a target's reporting period ending judges the series with no value for it (a schedule timer
 *   the plan decider answers: at risk, or missed at the final period; ADR 0026);
 * - a closed plan has no timers left (and its targets never reported are missed: the plan decider
 *   records that with the close, in the same decision; ADR 0025 amended).
 */
export function decidePlanWorkflow(input: PlanWorkflowInput, state: PlanWorkflowState): PlanWorkflowOutput[] {
  // Kept small: it runs for every event of a plan, most of them an assignment's.
  return input.target.aggregate === 'plan' ? decideOnPlanEvent(input, state) : decideOnOtherEvent(input, state);
}

function decideOnPlanEvent(input: PlanWorkflowInput, state: PlanWorkflowState): PlanWorkflowOutput[] {
  const { event } = input;
  const { plan, aggregates } = state;
  const notBefore = plan.publishedAt;
  const open = plan.status !== 'closed';
  switch (event.type) {
    case 'PlanPublished': {
      const { planId, schedule } = event.data;
      const metadata = { actor: systemActor, at: event.at };
      const outputs: PlanWorkflowOutput[] = schedule.phases.map((phase) => ({
        type: 'GiveCommand',
        target: { aggregate: 'phase', planId, phaseId: phase.phaseId },
        command: { type: 'SchedulePhase', data: { planId, phaseId: phase.phaseId, phase }, metadata },
      }));
      outputs.push({ type: 'SetTimers', scope: { of: 'schedule', planId }, timers: scheduleTimersToSet(event.data.schedule, aggregates), notBefore });
      return outputs;
    }
    case 'PlanAmended': {
      const { planId, changes, reason, schedule } = event.data;
      const metadata = { actor: systemActor, at: event.at };
      const effects = amendmentEffects(planId, changes, (id) => aggregates.assignment(id)?.status, metadata, reason, (id) => aggregates.phase(id)?.status);
      const outputs: PlanWorkflowOutput[] = effects.map((effect) => ({ type: 'GiveCommand', target: effect.target, command: effect.command }));
      if (open) outputs.push({ type: 'SetTimers', scope: { of: 'schedule', planId }, timers: scheduleTimersToSet(schedule, aggregates), notBefore });
      return outputs;
    }
    case 'PlanClosed':
      return [{ type: 'SetTimers', scope: { of: 'plan', planId: event.data.planId }, timers: [], notBefore }];
    case 'OutsideEventRecorded':
      return open ? issueOnOutsideEvent(event, plan.eventObligations ?? [], aggregates, plan.workingDayTable) : [];
    case 'FindingRecorded':
      return open ? issueRectification(event, plan, aggregates) : [];
    default:
      return [];
  }
}

function decideOnOtherEvent(input: PlanWorkflowInput, state: PlanWorkflowState): PlanWorkflowOutput[] {
  const { event, target } = input;
  const { plan, aggregates } = state;
  const notBefore = plan.publishedAt;
  const open = plan.status !== 'closed';
  if (target.aggregate === 'phase') return open && plan.orderedPhases ? decideOnPhaseEvent(event, plan.orderedPhases, aggregates) : [];
  if (target.aggregate !== 'assignment' || !assignmentTimersMayChange(event)) return [];
  const assignment = aggregates.assignment(target.assignmentId);
  const timers = open && assignment ? timersForAssignment(assignment) : [];
  const outputs: PlanWorkflowOutput[] = [{ type: 'SetTimers', scope: { of: 'assignment', planId: target.planId, assignmentId: target.assignmentId }, timers, notBefore }];
  // Follow-ons travel on the obligation whose acceptance issues them; for a step with co-responsible
  // units the compiler puts them on the lead's (ADR 0015), so a co unit's acceptance issues nothing.
  if (event.type === 'AssignmentAccepted' && open && assignment?.obligation?.followOns) outputs.push(...issueFollowOns(target.planId, event.at, assignment.obligation.followOns, aggregates, plan.workingDayTable));
  return outputs;
}

/** Undated phases (ADR 0019): the next opens when the one before closes; its work is issued as it opens. */
function decideOnPhaseEvent(event: PlanledgerEvent, ordered: OrderedPhases, aggregates: AggregateStates): PlanWorkflowOutput[] {
  if (event.type === 'PhaseClosed') return openPhasesAfter(event, ordered);
  if (event.type === 'PhaseOpened') return issueOnPhaseOpened(event, ordered, aggregates);
  return [];
}

/**
 * An outside event recorded: every obligation hanging on it is issued now, at the recording, due
 * its offset from the end of the event's day. Occurrence n issues `${prefix}.${eventId}-${n}`, so
 * each occurrence of a recurring event owes its own work and a replay issues the same ids.
 * Work already issued (an id the store knows) is not issued again.
 */
function issueOnOutsideEvent(event: OutsideEventRecorded, obligations: readonly EventObligation[], aggregates: AggregateStates, table: WorkingDayTable | undefined): PlanWorkflowOutput[] {
  const { planId, eventId, occurrence, dayClosesAt } = event.data;
  const metadata = { actor: systemActor, at: event.at };
  const outputs: PlanWorkflowOutput[] = [];
  for (const template of obligations) {
    if (template.eventId !== eventId) continue;
    const { assignmentIdPrefix, eventId: _event, offsetDays, workingDays, ...rest } = template;
    const periodKey = `${eventId}-${occurrence}`;
    const assignmentId = `${assignmentIdPrefix}.${periodKey}`;
    const status = aggregates.assignment(assignmentId)?.status;
    if (status !== undefined && status !== 'not_issued') continue;
    const offsetMs = workingDays ? eventDueMs(event.data.date, dayClosesAt, offsetDays, requireTable(table)) : toMillis(dayClosesAt) + offsetDays * DAY_MS;
    const dueMs = Math.max(offsetMs, toMillis(event.at));
    const obligation: Obligation = { ...rest, assignmentId, periodKey, issueAt: event.at, dueAt: instantOf(dueMs) };
    outputs.push({
      type: 'GiveCommand',
      target: { aggregate: 'assignment', planId, assignmentId },
      command: { type: 'IssueAssignment', data: { planId, obligation }, metadata },
    });
  }
  return outputs;
}

/** A finding (ADR 0024): its rectification is issued to the inspected unit at the recording, reviewed by the inspecting unit; never twice. */
function issueRectification(event: FindingRecorded, plan: PlanFacts, aggregates: AggregateStates): PlanWorkflowOutput[] {
  const { planId, inspectionId, rectificationAssignmentId: assignmentId } = event.data;
  const inspection = plan.inspections?.[inspectionId];
  const status = aggregates.assignment(assignmentId)?.status;
  if (!inspection || (status !== undefined && status !== 'not_issued')) return [];
  const obligation = rectificationObligation(event, inspection, plan.escalationDefault);
  return [{ type: 'GiveCommand', target: { aggregate: 'assignment', planId, assignmentId }, command: { type: 'IssueAssignment', data: { planId, obligation }, metadata: { actor: systemActor, at: event.at } } }];
}

/** The plan's default escalation unit, kept only when the schedule names one. */
const escalationOf = (schedule: { escalationDefault?: string }): Pick<PlanFacts, 'escalationDefault'> => (schedule.escalationDefault ? { escalationDefault: schedule.escalationDefault } : {});

/** "After X is accepted": X's follow-ons are issued at its acceptance, due their offset after it; never twice. */
function issueFollowOns(planId: string, at: Instant, followOns: readonly FollowOnObligation[], aggregates: AggregateStates, table: WorkingDayTable | undefined): PlanWorkflowOutput[] {
  const metadata = { actor: systemActor, at };
  return followOns.flatMap(({ offsetDays, workingDays, ...terms }): PlanWorkflowOutput[] => {
    const status = aggregates.assignment(terms.assignmentId)?.status;
    if (status !== undefined && status !== 'not_issued') return [];
    const dueAt = workingDays ? followOnDueAt(at, offsetDays, requireTable(table)) : instantOf(toMillis(at) + offsetDays * DAY_MS);
    const obligation: Obligation = { ...terms, issueAt: at, dueAt };
    return [{ type: 'GiveCommand', target: { aggregate: 'assignment', planId, assignmentId: terms.assignmentId }, command: { type: 'IssueAssignment', data: { planId, obligation }, metadata } }];
  });
}

/** The compiler puts the table in every schedule with working-day offsets; a host that loses it is a bug, not bad input. */
function requireTable(table: WorkingDayTable | undefined): WorkingDayTable {
  if (!table) throw new Error('work counted in working days, but the schedule in force carries no workingDayTable (the host must load it with the schedule)');
  return table;
}

/** Issue timers are left out for work already issued: issuing twice decides nothing, and nothing is shown as still to come that came long ago. */
function scheduleTimersToSet(schedule: Parameters<typeof timersForSchedule>[0], aggregates: AggregateStates): Timer[] {
  return timersForSchedule(schedule).filter((timer) => {
    if (timer.kind !== 'assignment-issue' || timer.target.aggregate !== 'assignment') return true;
    const status = aggregates.assignment(timer.target.assignmentId)?.status;
    return status === undefined || status === 'not_issued';
  });
}

/**
 * Events after which an assignment's timers are derived again. Acknowledging, starting, reporting
 * progress and passing a review step change nothing a timer depends on (the work stays owed, or
 * stays submitted), so they set nothing: the pending set would be the same.
 */
const assignmentTimersMayChange = (event: PlanledgerEvent): boolean =>
  event.type !== 'AssignmentAcknowledged' && event.type !== 'AssignmentStarted' && event.type !== 'AssignmentProgressReported' && event.type !== 'AssignmentReviewPassed';

export const planWorkflow: Workflow<PlanWorkflowInput, PlanWorkflowState, PlanWorkflowOutput> = {
  initialState: () => ({ plan: { planId: '', status: 'none' }, aggregates: noAggregates }),
  evolve: evolvePlanWorkflow,
  decide: decidePlanWorkflow,
};

/**
 * The aggregates whose states the workflow's commands for this event depend on, so that a host
 * that loads states one by one (the service's reactor) loads those and no others. The timers it
 * sets may read more (an amendment skips issue timers of issued work): hosts that apply timers
 * answer for every assignment of the plan.
 */
export function aggregatesCommandsRead(event: PlanledgerEvent): { assignmentIds: string[]; phaseIds: string[]; planSchedule?: true } {
  // The work hanging on an outside event is read from the schedule in force (PlanFacts.eventObligations).
  if (event.type === 'OutsideEventRecorded') return { assignmentIds: [], phaseIds: [], planSchedule: true };
  // Which undated phase follows a closed one, and the work of an opened one: the schedule in force (ADR 0019).
  if (event.type === 'PhaseClosed' || event.type === 'PhaseOpened') return { assignmentIds: [], phaseIds: [], planSchedule: true };
  // A finding's rectification: the recorded inspection's reviewer and the plan's escalation unit; issued once.
  if (event.type === 'FindingRecorded') return { assignmentIds: [event.data.rectificationAssignmentId], phaseIds: [], planSchedule: true };
  // The accepted work's own obligation names its follow-ons.
  if (event.type === 'AssignmentAccepted') return { assignmentIds: [event.data.assignmentId], phaseIds: [] };
  if (event.type !== 'PlanAmended') return { assignmentIds: [], phaseIds: [] };
  const { changes } = event.data;
  return { assignmentIds: [...changes.removedAssignmentIds, ...changes.redated.map((r) => r.assignmentId)], phaseIds: changes.removedPhaseIds };
}

/** Does a pending timer belong to a scope? (For hosts that keep timers in memory.) */
export function timerInScope(timer: Timer, scope: TimerScope): boolean {
  if (timer.planId !== scope.planId) return false;
  switch (scope.of) {
    case 'plan':
      return true;
    case 'schedule':
      return SCHEDULE_TIMER_KINDS.includes(timer.kind);
    case 'assignment':
      return timer.target.aggregate === 'assignment' && timer.target.assignmentId === scope.assignmentId;
  }
}
