import type { PhaseStatus } from '../phase/phase.transitions';
import { amendmentEffects } from './amendment-effects';
import type { AssignmentStatus } from '../assignment/assignment.transitions';
import { assignmentDecider } from '../assignment/assignment.decider';
import { diffSchedules, type ScheduleChanges } from '../schedule/schedule-diff';
import { DeciderSpecification } from '../testing/decider-spec';
import { assignmentEvent, day, ISSUE_AT, meta, obligation, PLAN_ID, planner, schedule, scheduledPhase, timer } from '../testing/fixtures';

const none: ScheduleChanges = { addedObligations: [], removedAssignmentIds: [], redated: [], updatedAssignmentIds: [], addedPhases: [], removedPhaseIds: [], rescheduledPhases: [], otherChanges: [] };
const metadata = meta('2022-02-20T00:00:00.000Z', planner);
const reason = 'amendment 1: 推迟报送';
const statusOf = (table: Record<string, AssignmentStatus>) => (id: string) => table[id];

const openStatuses: AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress', 'submitted', 'returned'];
const untouched: (AssignmentStatus | undefined)[] = ['accepted', 'waived', 'cancelled', 'not_issued', undefined];

describe('amendmentEffects', () => {
  it.each(openStatuses)('cancels a removed assignment that is still open (%s)', (status) => {
    const effects = amendmentEffects(PLAN_ID, { ...none, removedAssignmentIds: ['a1'] }, statusOf({ a1: status }), metadata, reason);
    expect(effects).toEqual([{ target: { aggregate: 'assignment', planId: PLAN_ID, assignmentId: 'a1' }, command: { type: 'CancelAssignment', data: { assignmentId: 'a1', reason }, metadata } }]);
  });
  it.each(untouched)('leaves a removed assignment alone when it is %s', (status) => {
    expect(amendmentEffects(PLAN_ID, { ...none, removedAssignmentIds: ['a1'] }, () => status, metadata, reason)).toEqual([]);
  });
  it.each(openStatuses)('re-dates a moved assignment that is still open (%s)', (status) => {
    const changes = { ...none, redated: [{ assignmentId: 'a1', fromDueAt: day(0), toDueAt: day(10) }] };
    expect(amendmentEffects(PLAN_ID, changes, statusOf({ a1: status }), metadata, reason)).toEqual([
      { target: { aggregate: 'assignment', planId: PLAN_ID, assignmentId: 'a1' }, command: { type: 'MoveDeadline', data: { assignmentId: 'a1', dueAt: day(10), reason }, metadata } },
    ]);
  });
  it.each(untouched)('leaves a moved assignment alone when it is %s (history, or issued later by its timer)', (status) => {
    const changes = { ...none, redated: [{ assignmentId: 'a1', fromDueAt: day(0), toDueAt: day(10) }] };
    expect(amendmentEffects(PLAN_ID, changes, () => status, metadata, reason)).toEqual([]);
  });
  it('needs nothing for added or updated obligations: their timers issue them', () => {
    expect(amendmentEffects(PLAN_ID, { ...none, addedObligations: [obligation()], updatedAssignmentIds: ['a1'] }, () => 'issued', metadata, reason)).toEqual([]);
  });
  it('schedules added phases, reschedules moved ones, cancels removed ones', () => {
    const added = scheduledPhase({ phaseId: 'summary', name: '总结阶段' });
    const from = scheduledPhase();
    const to = scheduledPhase({ closesAt: '2022-05-01T00:00:00.000Z' });
    const effects = amendmentEffects(PLAN_ID, { ...none, addedPhases: [added], rescheduledPhases: [{ from, to }], removedPhaseIds: ['implement'] }, () => undefined, metadata, reason);
    expect(effects).toEqual([
      { target: { aggregate: 'phase', planId: PLAN_ID, phaseId: 'summary' }, command: { type: 'SchedulePhase', data: { planId: PLAN_ID, phaseId: 'summary', phase: added }, metadata } },
      { target: { aggregate: 'phase', planId: PLAN_ID, phaseId: 'mobilise' }, command: { type: 'ReschedulePhase', data: { planId: PLAN_ID, phaseId: 'mobilise', phase: to, reason }, metadata } },
      { target: { aggregate: 'phase', planId: PLAN_ID, phaseId: 'implement' }, command: { type: 'CancelPhase', data: { planId: PLAN_ID, phaseId: 'implement', reason }, metadata } },
    ]);
  });
  it('end to end: a diffed amendment, applied to the assignments, cancels, re-dates and leaves accepted work alone', () => {
    const keep = obligation({ assignmentId: 'm1.school-a.once' });
    const drop = obligation({ assignmentId: 'm2.school-a.once', measureId: 'm2' });
    const done = obligation({ assignmentId: 'm3.school-a.once', measureId: 'm3' });
    const before = schedule({ obligations: [keep, drop, done] });
    const after = schedule({ obligations: [{ ...keep, dueAt: day(14) }, { ...done, dueAt: day(14) }] });
    const spec = DeciderSpecification.for(assignmentDecider);
    const issued = (o: typeof keep) => assignmentEvent('AssignmentIssued', { planId: PLAN_ID, obligation: o }, ISSUE_AT, timer);
    const histories: Record<string, ReturnType<typeof issued>[]> = {
      [keep.assignmentId]: [issued(keep)],
      [drop.assignmentId]: [issued(drop)],
      [done.assignmentId]: [issued(done), assignmentEvent('AssignmentAccepted', { assignmentId: done.assignmentId, reviewer: 'office', note: '' }, day(-3))],
    };
    const effects = amendmentEffects(PLAN_ID, diffSchedules(before, after), (id) => spec.given(histories[id]).state.status, metadata, reason);
    expect(effects.map((e) => [e.command.type, e.target])).toEqual([
      ['CancelAssignment', { aggregate: 'assignment', planId: PLAN_ID, assignmentId: drop.assignmentId }],
      ['MoveDeadline', { aggregate: 'assignment', planId: PLAN_ID, assignmentId: keep.assignmentId }],
    ]);
    for (const effect of effects) {
      if (effect.target.aggregate !== 'assignment') throw new Error('unexpected phase effect');
      const { decision } = spec.given(histories[effect.target.assignmentId]).when(effect.command as Parameters<typeof assignmentDecider.decide>[0]).decision();
      expect(decision.ok && decision.events.map((e) => e.type)).toEqual([effect.command.type === 'CancelAssignment' ? 'AssignmentCancelled' : 'AssignmentDeadlineMoved']);
    }
  });
});

describe('amendmentEffects for a removed phase, by its status', () => {
  const metadata = { actor: { userId: 'planner-1', role: 'planner' as const }, at: '2022-01-10T00:00:00.000+08:00' };
  const none = { addedObligations: [], removedAssignmentIds: [], redated: [], updatedAssignmentIds: [], addedPhases: [], removedPhaseIds: ['p1'], rescheduledPhases: [], otherChanges: [] };
  const run = (status: PhaseStatus | undefined) => amendmentEffects('plan-1', none, () => undefined, metadata, 'dropped', () => status).map((e) => e.command.type);

  it.each([
    ['scheduled', ['CancelPhase']],
    [undefined, ['CancelPhase']],
    ['open', ['ClosePhase']],
    ['closing', ['ClosePhase']],
    ['closed', []],
    ['cancelled', []],
  ] as const)('given a %s phase, then %j', (status, expected) => {
    expect(run(status)).toEqual(expected);
  });
});
