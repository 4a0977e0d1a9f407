import { WorkflowSpecification } from '../testing/workflow-spec';
import { assignmentEvent, day, DUE_AT, ISSUE_AT, obligation, PLAN_ID, planEvent, phaseEvent, planner, schedule, scheduledPhase, timer as timerActor } from '../testing/fixtures';
import { diffSchedules } from '../schedule/schedule-diff';
import { timersForAssignment } from '../timers/assignment-timers';
import { timersForSchedule } from '../timers/schedule-timers';
import { systemActor } from '../shared/actor';
import { inMemoryPlanWorkflow } from './in-memory-aggregates';
import { planWorkflow, timerInScope, type PlanWorkflowInput, type PlanWorkflowOutput } from './plan-workflow';
import type { AssignmentState } from '../assignment/assignment.state';
import { timerCommand } from './timer-firing';
import type { PlanledgerEvent } from '../events/planledger-event';
import type { AggregateRef } from '../streams/stream-names';

const spec = WorkflowSpecification.for(planWorkflow, inMemoryPlanWorkflow);

const PUBLISHED_AT = '2022-01-15T00:00:00.000Z';
const S = schedule();
const O = S.obligations[0];
const planRef: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
const assignmentRef: AggregateRef = { aggregate: 'assignment', planId: PLAN_ID, assignmentId: O.assignmentId };
const phaseRef = (phaseId: string): AggregateRef => ({ aggregate: 'phase', planId: PLAN_ID, phaseId });
const on = (target: AggregateRef, event: PlanledgerEvent): PlanWorkflowInput => ({ target, event });

const drafted = on(planRef, planEvent('PlanDrafted', { planId: PLAN_ID, schedule: S, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
const published = on(planRef, planEvent('PlanPublished', { planId: PLAN_ID, schedule: S }, PUBLISHED_AT, planner));
const phasesScheduled = S.phases.map((phase) => on(phaseRef(phase.phaseId), phaseEvent('PhaseScheduled', { planId: PLAN_ID, phaseId: phase.phaseId, phase }, PUBLISHED_AT, systemActor)));
const issued = on(assignmentRef, assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: O }, ISSUE_AT, timerActor));
const acknowledged = on(assignmentRef, assignmentEvent('AssignmentAcknowledged', { assignmentId: O.assignmentId, departmentId: 'school-a' }, ISSUE_AT));
const submitted = on(assignmentRef, assignmentEvent('AssignmentSubmitted', { assignmentId: O.assignmentId, departmentId: 'school-a', note: '', attachments: [], late: false, reviewer: 'liaison' }, day(-3)));
const reminded = on(assignmentRef, assignmentEvent('AssignmentReminderDue', { assignmentId: O.assignmentId, departmentId: 'school-a', daysBefore: 7, dueAt: DUE_AT }, day(-7), timerActor));
const running = [drafted, published, ...phasesScheduled];

const stateAfter = (events: PlanWorkflowInput[]): AssignmentState => {
  const host = inMemoryPlanWorkflow();
  events.reduce(host.evolve, host.initialState());
  return host.aggregates.assignment(O.assignmentId)!;
};
const assignmentTimers = (timers: PlanWorkflowOutput[]) => timers.flatMap((o) => (o.type === 'SetTimers' ? o.timers.map((t) => `${t.kind}@${t.dueAt}`) : []));

describe('the plan workflow', () => {
  describe('a plan published', () => {
    it('schedules every phase at the publication and sets the schedule timers, none before the publication', () => {
      spec.given([drafted]).when(published).then([
        ...S.phases.map((phase) => ({
          type: 'GiveCommand' as const,
          target: phaseRef(phase.phaseId),
          command: { type: 'SchedulePhase' as const, data: { planId: PLAN_ID, phaseId: phase.phaseId, phase }, metadata: { actor: systemActor, at: PUBLISHED_AT } },
        })),
        { type: 'SetTimers', scope: { of: 'schedule', planId: PLAN_ID }, timers: timersForSchedule(S), notBefore: PUBLISHED_AT },
      ]);
    });
    it('a drafted or revised plan sets nothing, nor does a phase opening (its work comes from the schedule timers)', () => {
      spec.given([]).when(drafted).thenNothing();
      spec.given(running).when(on(phaseRef('mobilise'), phaseEvent('PhaseOpened', { planId: PLAN_ID, phaseId: 'mobilise', name: '动员阶段' }, S.phases[0].opensAt, systemActor))).thenNothing();
    });
  });

  describe('an assignment', () => {
    it('issued: sets its reminders, overdue mark and escalations, not before the publication', () => {
      const after = stateAfter([...running, issued]);
      spec.given(running).when(issued).then([
        { type: 'SetTimers', scope: { of: 'assignment', planId: PLAN_ID, assignmentId: O.assignmentId }, timers: timersForAssignment(after), notBefore: PUBLISHED_AT },
      ]);
      expect(assignmentTimers(spec.given(running).when(issued).outputs())).toEqual([
        `reminder@${day(-7)}`, `reminder@${day(-1)}`, `overdue@${DUE_AT}`, `escalation@${day(3)}`, `escalation@${day(10)}`,
      ]);
    });
    it('acknowledged or reporting progress: sets nothing (what the timers depend on has not changed)', () => {
      spec.given([...running, issued]).when(acknowledged).thenNothing();
    });
    it('reminded: the reminder sent is not set again', () => {
      expect(assignmentTimers(spec.given([...running, issued, acknowledged]).when(reminded).outputs())).toEqual([
        `reminder@${day(-1)}`, `overdue@${DUE_AT}`, `escalation@${day(3)}`, `escalation@${day(10)}`,
      ]);
    });
    it('submitted: withdraws every timer of the assignment (the work is no longer owed)', () => {
      spec.given([...running, issued, acknowledged]).when(submitted).then([
        { type: 'SetTimers', scope: { of: 'assignment', planId: PLAN_ID, assignmentId: O.assignmentId }, timers: [], notBefore: PUBLISHED_AT },
      ]);
    });
    it('after the plan closed: withdraws, sets nothing', () => {
      const closed = on(planRef, planEvent('PlanClosed', { planId: PLAN_ID, reason: '期满' }, day(20), planner));
      const waived = on(assignmentRef, assignmentEvent('AssignmentWaived', { assignmentId: O.assignmentId, reason: 'x' }, day(21), planner));
      expect(spec.given([...running, issued, closed]).when(waived).outputs()).toEqual([
        { type: 'SetTimers', scope: { of: 'assignment', planId: PLAN_ID, assignmentId: O.assignmentId }, timers: [], notBefore: PUBLISHED_AT },
      ]);
    });
  });

  describe('an amendment', () => {
    const moved = obligation({ dueAt: day(10) });
    const added = obligation({ assignmentId: 'm2.school-a.once', measureId: 'm2', issueAt: '2022-01-01T00:00:00.000Z' });
    const third = scheduledPhase({ phaseId: 'summary', name: '总结阶段', order: 3, opensAt: '2022-07-01T00:00:00.000Z', closesAt: '2022-08-01T00:00:00.000Z' });
    const amendedSchedule = schedule({ obligations: [moved, added], phases: [S.phases[0], third] });
    const amendedAt = '2022-02-20T00:00:00.000Z';
    const amended = on(planRef, planEvent('PlanAmended', {
      planId: PLAN_ID, amendment: 1, reason: '调整', schedule: amendedSchedule, changes: diffSchedules(S, amendedSchedule),
    }, amendedAt, planner));
    const metadata = { actor: systemActor, at: amendedAt };

    it('re-dates open work, schedules added phases, cancels dropped ones, and sets the new schedule timers without issuing issued work again', () => {
      spec.given([...running, issued, acknowledged]).when(amended).then([
        { type: 'GiveCommand', target: assignmentRef, command: { type: 'MoveDeadline', data: { assignmentId: O.assignmentId, dueAt: day(10), reason: '调整' }, metadata } },
        { type: 'GiveCommand', target: phaseRef('summary'), command: { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: 'summary', phase: third }, metadata } },
        { type: 'GiveCommand', target: phaseRef('implement'), command: { type: 'CancelPhase', data: { planId: PLAN_ID, phaseId: 'implement', reason: '调整' }, metadata } },
        { type: 'SetTimers', scope: { of: 'schedule', planId: PLAN_ID }, timers: timersForSchedule(amendedSchedule).filter((t) => !(t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === O.assignmentId)), notBefore: PUBLISHED_AT },
      ]);
    });
    it('cancels open work whose obligation is gone, and leaves work not yet issued to the new schedule', () => {
      const without = schedule({ obligations: [added] });
      const amendment = on(planRef, planEvent('PlanAmended', { planId: PLAN_ID, amendment: 1, reason: '删除', schedule: without, changes: diffSchedules(S, without) }, amendedAt, planner));
      const outputs = spec.given([...running, issued]).when(amendment).outputs();
      expect(outputs.filter((o) => o.type === 'GiveCommand')).toEqual([
        { type: 'GiveCommand', target: assignmentRef, command: { type: 'CancelAssignment', data: { assignmentId: O.assignmentId, reason: '删除' }, metadata } },
      ]);
      const notIssued = spec.given(running).when(amendment).outputs();
      expect(notIssued.filter((o) => o.type === 'GiveCommand')).toEqual([]);
    });
    it('closes a dropped phase that is already open, and touches no accepted work', () => {
      const opened = on(phaseRef('implement'), phaseEvent('PhaseOpened', { planId: PLAN_ID, phaseId: 'implement', name: '实施阶段' }, S.phases[1].opensAt, systemActor));
      const accepted = on(assignmentRef, assignmentEvent('AssignmentAccepted', { assignmentId: O.assignmentId, reviewer: 'liaison', note: '' }, day(-2), planner));
      const commands = spec.given([...running, issued, submitted, accepted, opened]).when(amended).outputs().filter((o) => o.type === 'GiveCommand');
      expect(commands.map((o) => o.type === 'GiveCommand' && `${o.command.type} ${JSON.stringify(o.target)}`)).toEqual([
        `SchedulePhase ${JSON.stringify(phaseRef('summary'))}`,
        `ClosePhase ${JSON.stringify(phaseRef('implement'))}`,
      ]);
    });
    it('a re-dated deadline then sets the timers of the new deadline', () => {
      const deadlineMoved = on(assignmentRef, assignmentEvent('AssignmentDeadlineMoved', { assignmentId: O.assignmentId, fromDueAt: DUE_AT, toDueAt: day(10), reason: '调整', overdueCleared: false }, amendedAt, systemActor));
      expect(assignmentTimers(spec.given([...running, issued, reminded, amended]).when(deadlineMoved).outputs())).toEqual([
        `reminder@${day(3)}`, `reminder@${day(9)}`, `overdue@${day(10)}`, `escalation@${day(13)}`, `escalation@${day(20)}`,
      ]);
    });
  });

  it('a plan closed withdraws every timer it still has', () => {
    const closed = on(planRef, planEvent('PlanClosed', { planId: PLAN_ID, reason: '期满' }, S.endsAt, planner));
    spec.given(running).when(closed).then([{ type: 'SetTimers', scope: { of: 'plan', planId: PLAN_ID }, timers: [], notBefore: PUBLISHED_AT }]);
  });
});

describe('timers take effect', () => {
  const [openTimer] = timersForSchedule(S);
  it('at their due time, or at the publication when that came later', () => {
    const late = '2022-03-01T00:00:00.000Z';
    expect(timerCommand(openTimer, late).metadata).toEqual({ actor: systemActor, at: late });
    expect(timerCommand(openTimer, '2021-01-01T00:00:00.000Z').metadata.at).toBe(openTimer.dueAt);
    expect(timerCommand(openTimer, undefined).metadata.at).toBe(openTimer.dueAt);
  });
  it('scopes: a plan holds all its timers, the schedule its phase and issue timers, an assignment its own', () => {
    const [issue] = timersForSchedule(S).filter((t) => t.kind === 'assignment-issue');
    const reminder = timersForAssignment(stateAfter([...running, issued]))[0];
    expect([openTimer, issue, reminder].map((t) => timerInScope(t, { of: 'schedule', planId: PLAN_ID }))).toEqual([true, true, false]);
    expect([openTimer, issue, reminder].map((t) => timerInScope(t, { of: 'assignment', planId: PLAN_ID, assignmentId: O.assignmentId }))).toEqual([false, true, true]);
    expect([openTimer, issue, reminder].map((t) => timerInScope(t, { of: 'plan', planId: PLAN_ID }))).toEqual([true, true, true]);
    expect(timerInScope(openTimer, { of: 'plan', planId: 'other' })).toBe(false);
  });
});
