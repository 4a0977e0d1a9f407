import { WorkflowSpecification } from '../testing/workflow-spec';
import { assignmentEvent, obligation, PLAN_ID, phaseEvent, planEvent, planner, schedule, scheduledPhase, timer as timerActor } from '../testing/fixtures';
import { systemActor } from '../shared/actor';
import { timersForSchedule } from '../timers/schedule-timers';
import { amendmentEffects } from '../amendment/amendment-effects';
import { diffSchedules } from '../schedule/schedule-diff';
import { inMemoryPlanWorkflow } from './in-memory-aggregates';
import { planWorkflow, type PlanWorkflowInput } from './plan-workflow';
import type { PlanledgerEvent } from '../events/planledger-event';
import type { AggregateRef } from '../streams/stream-names';
import type { Obligation, PhaseObligation, PlanSchedule } from '../schedule/plan-schedule';

/** ADR 0019: an undated phase opens when the phase before it closes; its work is issued as it opens. */
const spec = WorkflowSpecification.for(planWorkflow, inMemoryPlanWorkflow);

const ENDS_AT = '2024-08-31T15:59:59.999Z';
const mobilise = scheduledPhase();
const check = scheduledPhase({ phaseId: 'check', name: '自查阶段', order: 2, opensAt: mobilise.opensAt, closesAt: ENDS_AT, opensAfter: 'mobilise' });
const rectify = scheduledPhase({ phaseId: 'rectify', name: '整改阶段', order: 3, opensAt: mobilise.opensAt, closesAt: ENDS_AT, opensAfter: 'check' });
const { issueAt: _i, dueAt: _d, phaseId: _p, followOns: _f, ...terms } = obligation({ assignmentId: 'self-check.school-a.once', measureId: 'self-check', periodKey: 'once' });
const selfCheck: PhaseObligation = { ...terms, phaseId: 'check', offsetDays: 20 };
const S: PlanSchedule = schedule({ endsAt: ENDS_AT, phases: [mobilise, check, rectify], phaseObligations: [selfCheck] });

const planRef: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
const phaseRef = (phaseId: string): AggregateRef => ({ aggregate: 'phase', planId: PLAN_ID, phaseId });
const on = (target: AggregateRef, event: PlanledgerEvent): PlanWorkflowInput => ({ target, event });
const drafted = on(planRef, planEvent('PlanDrafted', { planId: PLAN_ID, schedule: S, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
const published = on(planRef, planEvent('PlanPublished', { planId: PLAN_ID, schedule: S }, '2022-01-15T00:00:00.000Z', planner));
const scheduled = (phase: typeof mobilise) => on(phaseRef(phase.phaseId), phaseEvent('PhaseScheduled', { planId: PLAN_ID, phaseId: phase.phaseId, phase }, '2022-01-15T00:00:00.000Z', systemActor));
const opened = (phaseId: string, at: string) => on(phaseRef(phaseId), phaseEvent('PhaseOpened', { planId: PLAN_ID, phaseId, name: phaseId }, at, systemActor));
const closed = (phaseId: string, at: string, trigger: 'schedule' | 'planner' = 'planner') => on(phaseRef(phaseId), phaseEvent('PhaseClosed', { planId: PLAN_ID, phaseId, name: phaseId, trigger }, at, planner));
const history = [drafted, published, scheduled(mobilise), scheduled(check), scheduled(rectify), opened('mobilise', mobilise.opensAt)];

const openPhase = (phaseId: string, at: string) => ({
  type: 'GiveCommand' as const,
  target: phaseRef(phaseId),
  command: { type: 'OpenPhase' as const, data: { planId: PLAN_ID, phaseId }, metadata: { actor: systemActor, at } },
});

describe('the plan workflow: ordered, undated phases', () => {
  it('given a dated phase with an undated one after it, when it closes by its date, then the undated phase opens at that instant', () => {
    spec.given(history).when(closed('mobilise', mobilise.closesAt, 'schedule')).then([openPhase('check', mobilise.closesAt)]);
  });
  it('when a planner closes an undated phase, then only the phase after it opens', () => {
    const at = '2022-05-10T07:00:00.000Z';
    spec.given([...history, closed('mobilise', mobilise.closesAt, 'schedule'), opened('check', mobilise.closesAt)]).when(closed('check', at)).then([openPhase('rectify', at)]);
  });
  it('when an undated phase opens, then its work is issued now, due its offset × 24 h after the opening', () => {
    const at = '2022-04-01T00:00:00.000Z';
    const obligation: Obligation = { ...terms, phaseId: 'check', issueAt: at, dueAt: '2022-04-21T00:00:00.000Z' };
    spec.given([...history, closed('mobilise', at, 'schedule')]).when(opened('check', at)).then([{
      type: 'GiveCommand',
      target: { aggregate: 'assignment', planId: PLAN_ID, assignmentId: 'self-check.school-a.once' },
      command: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation }, metadata: { actor: systemActor, at } },
    }]);
  });
  it('work of an undated phase already issued is not issued again (a replayed reaction)', () => {
    const at = '2022-04-01T00:00:00.000Z';
    const issued = on({ aggregate: 'assignment', planId: PLAN_ID, assignmentId: selfCheck.assignmentId }, assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: { ...terms, phaseId: 'check', issueAt: at, dueAt: at } }, at, timerActor));
    spec.given([...history, issued]).when(opened('check', at)).thenNothing();
  });
  it('a dated phase opening issues nothing here: its work has issue timers', () => {
    spec.given([drafted, published, scheduled(mobilise)]).when(opened('mobilise', mobilise.opensAt)).thenNothing();
  });
  it('a phase closed at the plan\'s end opens nothing after it', () => {
    spec.given(history).when(closed('mobilise', ENDS_AT, 'schedule')).thenNothing();
  });
  it('a closed plan opens nothing', () => {
    const planClosed = on(planRef, planEvent('PlanClosed', { planId: PLAN_ID, reason: '废止' }, '2022-03-01T00:00:00.000Z', planner));
    spec.given([...history, planClosed]).when(closed('mobilise', '2022-03-02T00:00:00.000Z')).thenNothing();
  });
  it('a plan without undated phases: a closed phase decides nothing', () => {
    const plain = schedule();
    const draftedPlain = on(planRef, planEvent('PlanDrafted', { planId: PLAN_ID, schedule: plain, source: { fileName: 'plan.yaml', format: 'yaml', text: '' } }, '2022-01-10T00:00:00.000Z', planner));
    const publishedPlain = on(planRef, planEvent('PlanPublished', { planId: PLAN_ID, schedule: plain }, '2022-01-15T00:00:00.000Z', planner));
    spec.given([draftedPlain, publishedPlain]).when(closed('mobilise', mobilise.closesAt, 'schedule')).thenNothing();
  });
});

describe('the timers of a schedule with undated phases', () => {
  it('an undated phase gets no opening or closing-duty timer, only its close at the plan\'s end', () => {
    const kinds = timersForSchedule(S).filter((t) => t.target.aggregate === 'phase' && t.target.phaseId === 'check').map((t) => [t.kind, t.dueAt]);
    expect(kinds).toEqual([['phase-close', ENDS_AT]]);
  });
});

describe('amending a plan with undated phases', () => {
  it('a moved opening bound alone does not reschedule an undated phase; a moved end keeps the bound it had', () => {
    const laterBound = schedule({ endsAt: ENDS_AT, phases: [mobilise, { ...check, opensAt: '2022-02-08T00:00:00.000Z' }, rectify], phaseObligations: [selfCheck] });
    expect(diffSchedules(S, laterBound).rescheduledPhases).toEqual([]);
    const NEW_END = '2025-08-31T15:59:59.999Z';
    const longer = schedule({ endsAt: NEW_END, phases: [mobilise, { ...check, opensAt: '2022-02-08T00:00:00.000Z', closesAt: NEW_END }, rectify], phaseObligations: [selfCheck] });
    const effects = amendmentEffects(PLAN_ID, diffSchedules(S, longer), () => undefined, { actor: planner, at: '2022-05-01T00:00:00.000Z' }, '延长', () => 'open');
    expect(effects.map((e) => e.command)).toEqual([
      expect.objectContaining({ type: 'ReschedulePhase', data: expect.objectContaining({ phaseId: 'check', phase: { ...check, closesAt: NEW_END } }) }),
    ]);
  });
});
