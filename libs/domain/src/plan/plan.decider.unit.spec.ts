import { planDecider } from './plan.decider';
import type { PlanCommand, PlanCommandType } from './plan.commands';
import type { PlanEvent, PlanSource } from './plan.events';
import { allowedPlanCommands, planTransitions, type PlanStatus } from './plan.transitions';
import { DeciderSpecification } from '../testing/decider-spec';
import { day, meta, obligation, PLAN_ID, planEvent as ev, planner, schedule } from '../testing/fixtures';
import { diffSchedules } from '../schedule/schedule-diff';

const spec = DeciderSpecification.for(planDecider);
const S = schedule({
  outsideEvents: [
    { eventId: 'visit', name: '省督导组迎检', expected: { from: '2022-05-01', to: '2022-06-30' }, recurring: false, inspection: false },
    { eventId: 'exam', name: '期末统考', recurring: true, inspection: false },
    { eventId: 'spot', name: '暗访检查', recurring: true, inspection: true },
  ],
});
const source: PlanSource = { fileName: 'lianyun.yaml', format: 'yaml', text: 'title: 連云區…' };
const T0 = '2021-11-25T00:00:00.000Z';
const drafted = ev('PlanDrafted', { planId: PLAN_ID, schedule: S, source }, T0, planner);
const published = ev('PlanPublished', { planId: PLAN_ID, schedule: S }, '2021-11-26T00:00:00.000Z', planner);
const closedEv = ev('PlanClosed', { planId: PLAN_ID, reason: '期满' }, '2024-09-01T00:00:00.000Z', planner);
/** A published plan has had an unannounced inspection, so a finding can be recorded in the transition table. */
const inspected = ev('InspectionRecorded', { planId: PLAN_ID, inspectionId: 'walk', inspectingUnitId: 'bureau', unitIds: ['school-a'], date: '2021-12-01', scheduled: false, recordedBy: planner.userId, at: '2021-12-01T02:00:00.000Z' }, '2021-12-01T02:00:00.000Z', planner);

const historyFor: Record<PlanStatus, PlanEvent[]> = {
  none: [],
  draft: [drafted],
  published: [drafted, published, inspected],
  closed: [drafted, published, inspected, closedEv],
};

const NOW = '2022-01-10T00:00:00.000Z';
const amended = schedule({ obligations: [obligation({ dueAt: day(7) })] });
const sample: { [K in PlanCommandType]: Extract<PlanCommand, { type: K }> } = {
  DraftPlan: { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: S, source }, metadata: meta(NOW, planner) },
  ReviseDraft: { type: 'ReviseDraft', data: { planId: PLAN_ID, schedule: schedule({ title: '修订稿' }), source }, metadata: meta(NOW, planner) },
  PublishPlan: { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta(NOW, planner) },
  AmendPlan: { type: 'AmendPlan', data: { planId: PLAN_ID, schedule: amended, reason: '推迟报送' }, metadata: meta(NOW, planner) },
  ClosePlan: { type: 'ClosePlan', data: { planId: PLAN_ID, reason: '期满' }, metadata: meta(NOW, planner) },
  RecordOutsideEvent: { type: 'RecordOutsideEvent', data: { planId: PLAN_ID, eventId: 'visit', date: '2022-05-20', dayClosesAt: '2022-05-20T15:59:59.999Z' }, metadata: meta(NOW, planner) },
  RecordInspection: { type: 'RecordInspection', data: { planId: PLAN_ID, inspectionId: 'spring', date: '2022-01-09', inspectingUnitId: 'bureau', unitIds: ['school-a'] }, metadata: meta(NOW, planner) },
  RecordFinding: { type: 'RecordFinding', data: { planId: PLAN_ID, inspectionId: 'walk', unitId: 'school-a', text: '课后服务台账不全' }, metadata: meta(NOW, planner) },
};
const statuses = Object.keys(planTransitions) as PlanStatus[];
const commandTypes = Object.keys(sample) as PlanCommandType[];

describe('plan decider: transition table', () => {
  it.each(statuses)('the history for %s folds to that status', (status) => {
    expect(spec.given(historyFor[status]).state.status).toBe(status);
  });
  const allowed = statuses.flatMap((status) => Object.entries(planTransitions[status]).map(([c, next]) => [status, c as PlanCommandType, next] as const));
  it.each(allowed)('%s + %s → %s', (status, command, next) => {
    const { decision, state } = spec.given(historyFor[status]).when(sample[command]).decision();
    if (!decision.ok) throw new Error(JSON.stringify(decision.error));
    expect(decision.events).toHaveLength(1);
    expect(decision.events.reduce(planDecider.evolve, state).status).toBe(next === 'same' ? status : next);
  });
  const rejected = statuses.flatMap((status) => commandTypes.filter((c) => planTransitions[status][c] === undefined).map((c) => [status, c] as const));
  it.each(rejected)('%s + %s is rejected', (status, command) => {
    const given = spec.given(historyFor[status]).when(sample[command]);
    if (command === 'DraftPlan') given.thenFails({ code: 'already_exists', aggregate: 'plan', id: PLAN_ID });
    else if (status === 'none') given.thenFails({ code: 'not_found', aggregate: 'plan', id: PLAN_ID });
    else {
      given.thenFails({ code: 'invalid_transition', aggregate: 'plan', id: PLAN_ID, status, command, allowed: allowedPlanCommands(status) });
      expect(allowedPlanCommands(status).sort()).toEqual(Object.keys(planTransitions[status]).sort());
    }
  });
  it('every status × command pair is tested', () => {
    expect(allowed.length + rejected.length).toBe(statuses.length * commandTypes.length);
  });
});

describe('draft, revise, publish', () => {
  it('drafts a plan with its schedule and source', () => {
    expect(spec.given([]).when(sample.DraftPlan).then([ev('PlanDrafted', { planId: PLAN_ID, schedule: S, source }, NOW, planner)])).toEqual({ status: 'draft', planId: PLAN_ID, schedule: S, amendments: 0 });
  });
  it.each(['DraftPlan', 'ReviseDraft'] as const)('%s of a schedule for another plan is invalid_command', (type) => {
    const cmd = { ...sample[type], data: { ...sample[type].data, schedule: schedule({ planId: 'other' }) } } as PlanCommand;
    spec.given(type === 'DraftPlan' ? [] : [drafted]).when(cmd).thenFails({ code: 'invalid_command', field: 'schedule.planId' });
  });
  it('revising replaces the draft’s schedule', () => {
    expect(spec.given([drafted]).when(sample.ReviseDraft).then([ev('PlanDraftRevised', { planId: PLAN_ID, schedule: schedule({ title: '修订稿' }), source }, NOW, planner)]).schedule?.title).toBe('修订稿');
  });
  it('publishing carries the current schedule and records when', () => {
    const revised = ev('PlanDraftRevised', { planId: PLAN_ID, schedule: schedule({ title: '修订稿' }), source }, T0, planner);
    const state = spec.given([drafted, revised]).when(sample.PublishPlan).then([ev('PlanPublished', { planId: PLAN_ID, schedule: schedule({ title: '修订稿' }) }, NOW, planner)]);
    expect(state).toMatchObject({ status: 'published', publishedAt: NOW });
  });
});

describe('amend', () => {
  it('records the reason, the new schedule, the computed changes and a running number', () => {
    const first = ev('PlanAmended', { planId: PLAN_ID, amendment: 1, reason: '推迟报送', schedule: amended, changes: diffSchedules(S, amended), source: undefined }, NOW, planner);
    const state = spec.given([drafted, published]).when(sample.AmendPlan).then([first]);
    expect(state).toMatchObject({ status: 'published', amendments: 1, schedule: amended });
    expect(first.type === 'PlanAmended' && first.data.changes.redated).toEqual([{ assignmentId: 'm1.school-a.once', fromDueAt: S.obligations[0].dueAt, toDueAt: day(7) }]);
    const again = schedule({ obligations: [obligation({ dueAt: day(14) })] });
    const { decision } = spec.given([drafted, published, first]).when({ ...sample.AmendPlan, data: { planId: PLAN_ID, schedule: again, reason: '再次推迟', source } }).decision();
    expect(decision.ok && decision.events[0].data).toMatchObject({ amendment: 2, changes: diffSchedules(amended, again), source });
  });
  it('an amendment that changes nothing is invalid_command', () => {
    spec.given([drafted, published]).when({ ...sample.AmendPlan, data: { planId: PLAN_ID, schedule: S, reason: '无' } }).thenFails({ code: 'invalid_command', field: 'schedule' });
  });
  it.each(['', '  '])('an amendment without a reason (%j) is invalid_command', (reason) => {
    spec.given([drafted, published]).when({ ...sample.AmendPlan, data: { planId: PLAN_ID, schedule: amended, reason } }).thenFails({ code: 'invalid_command', field: 'reason' });
  });
  it('an amendment for another plan is invalid_command', () => {
    spec.given([drafted, published]).when({ ...sample.AmendPlan, data: { planId: PLAN_ID, schedule: schedule({ planId: 'other', obligations: [] }), reason: 'r' } }).thenFails({ code: 'invalid_command', field: 'schedule.planId' });
  });
  it('a draft is revised, not amended; a closed plan is not amended', () => {
    spec.given([drafted]).when(sample.AmendPlan).thenFails({ code: 'invalid_transition', status: 'draft', allowed: ['ReviseDraft', 'PublishPlan'] });
    spec.given(historyFor.closed).when(sample.AmendPlan).thenFails({ code: 'invalid_transition', status: 'closed', allowed: [] });
  });
});

describe('close', () => {
  it('closes a published plan and records when', () => {
    expect(spec.given([drafted, published]).when(sample.ClosePlan).then([ev('PlanClosed', { planId: PLAN_ID, reason: '期满' }, NOW, planner)])).toMatchObject({ status: 'closed', closedAt: NOW });
  });
});

describe('record an outside event', () => {
  const record = (data: Partial<Extract<PlanCommand, { type: 'RecordOutsideEvent' }>['data']>): PlanCommand => ({ ...sample.RecordOutsideEvent, data: { ...sample.RecordOutsideEvent.data, ...data } });
  const recorded = (eventId: string, occurrence: number, date: string, units: string[] = []) =>
    ev('OutsideEventRecorded', { planId: PLAN_ID, eventId, occurrence, date, dayClosesAt: `${date}T15:59:59.999Z`, units, note: '' }, NOW, planner);

  it('given a published plan naming the visit, when its date is recorded, then occurrence 1 is recorded', () => {
    const state = spec.given([drafted, published]).when(sample.RecordOutsideEvent).then([recorded('visit', 1, '2022-05-20')]);
    expect(state.outsideEvents).toEqual({ visit: 1 });
  });
  it('given a once-only event already recorded, when it is recorded again, then it is refused (amend instead)', () => {
    spec.given([drafted, published, recorded('visit', 1, '2022-05-20')]).when(sample.RecordOutsideEvent).thenFails({ code: 'invalid_command', field: 'eventId' });
  });
  it('given a recurring event recorded twice, when it is recorded again, then it is occurrence 3', () => {
    const history = [drafted, published, recorded('exam', 1, '2022-01-15'), recorded('exam', 2, '2022-06-28')];
    spec.given(history).when(record({ eventId: 'exam', date: '2023-01-12', dayClosesAt: '2023-01-12T15:59:59.999Z' })).then([recorded('exam', 3, '2023-01-12')]);
  });
  it('when an event the plan does not name is recorded, then it is refused naming the field', () => {
    spec.given([drafted, published]).when(record({ eventId: 'festival' })).thenFails({ code: 'invalid_command', field: 'eventId' });
  });
  it('when the date is not a date, then it is refused', () => {
    spec.given([drafted, published]).when(record({ date: '5月20日' })).thenFails({ code: 'invalid_command', field: 'date' });
  });
  it('an inspection names the units inspected, and only units of the plan', () => {
    spec.given([drafted, published]).when(record({ eventId: 'spot' })).thenFails({ code: 'invalid_command', field: 'units' });
    spec.given([drafted, published]).when(record({ eventId: 'spot', units: ['school-z'] })).thenFails({ code: 'invalid_command', field: 'units' });
    spec.given([drafted, published]).when(record({ eventId: 'spot', units: ['school-a'] })).then([recorded('spot', 1, '2022-05-20', ['school-a'])]);
  });
});
