import { planDecider } from './plan.decider';
import type { PlanCommand, PlanCommandType } from './plan.commands';
import type { PlanEvent, PlanSource } from './plan.events';
import { allowedPlanCommands, planTransitions, type PlanStatus } from './plan.transitions';
import { DeciderSpecification } from '../testing/decider-spec';
import { day, meta, obligation, PLAN_ID, planEvent as ev, planner, schedule, timer } from '../testing/fixtures';
import { diffSchedules } from '../schedule/schedule-diff';
import { targetViewsOf } from '../targets/target-views';
import { holdersOf, rosterAsOf, type RosterEntry } from './roster';

const spec = DeciderSpecification.for(planDecider);
const S = schedule({
  outsideEvents: [
    { eventId: 'visit', name: '省督导组迎检', expected: { from: '2022-05-01', to: '2022-06-30' }, recurring: false, inspection: false },
    { eventId: 'exam', name: '期末统考', recurring: true, inspection: false },
    { eventId: 'spot', name: '暗访检查', recurring: true, inspection: true },
  ],
  obligations: [obligation(), obligation({ assignmentId: 'visits.school-a.once', measureId: 'visits', role: 'head-teacher' })],
  targets: [
    {
      targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%', milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 99 }], unitIds: [],
      periodEnds: [{ period: '2022', judgedAt: '2022-12-31T16:00:00.000Z' }, { period: '2023', judgedAt: '2023-12-31T16:00:00.000Z' }],
    },
    { targetId: 'safety', metric: '安全责任事故', kind: 'held', unit: '起', milestones: [{ period: '2023', value: 0 }], unitIds: ['school-a'] },
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
  AssignRoster: { type: 'AssignRoster', data: { planId: PLAN_ID, entries: [{ roleId: 'head-teacher', unitId: 'school-a', people: [{ personId: 'zhang-san', name: '张三' }] }] }, metadata: meta(NOW, planner) },
  RecordMeasurement: { type: 'RecordMeasurement', data: { planId: PLAN_ID, targetId: 'enrolment', unitId: null, period: '2022', value: 96 }, metadata: meta(NOW, planner) },
  JudgeTargetPeriods: { type: 'JudgeTargetPeriods', data: { planId: PLAN_ID, periodsEndedAt: '2022-12-31T16:00:00.000Z' }, metadata: meta(NOW, timer) },
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
    // A first measurement also records the status it gives: TargetMeasured, then TargetStatusChanged;
    // the close marks the two targets never measured missed.
    expect(decision.events).toHaveLength(command === 'RecordMeasurement' ? 2 : command === 'ClosePlan' ? 3 : 1);
    expect(decision.events.reduce(planDecider.evolve, state).status).toBe(next === 'same' ? status : next);
  });
  // A period-end timer of a plan not running passes by (below), it is not refused.
  const passesBy = statuses.filter((status) => planTransitions[status].JudgeTargetPeriods === undefined);
  it.each(passesBy)('%s + JudgeTargetPeriods decides nothing', (status) => {
    spec.given(historyFor[status]).when(sample.JudgeTargetPeriods).thenNothing();
  });
  const rejected = statuses.flatMap((status) => commandTypes.filter((c) => planTransitions[status][c] === undefined && c !== 'JudgeTargetPeriods').map((c) => [status, c] as const));
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
    expect(allowed.length + rejected.length + passesBy.length).toBe(statuses.length * commandTypes.length);
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
  const closed = ev('PlanClosed', { planId: PLAN_ID, reason: '期满' }, NOW, planner);
  const missed = (targetId: string, unitId: string | null, period: string, previousStatus?: 'on-track' | 'at-risk') =>
    ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status: 'missed', ...(previousStatus ? { previousStatus } : {}), reason: `no value was reported for ${period} by the plan's close`, at: NOW }, NOW, planner);
  const value = (targetId: string, unitId: string | null, period: string, v: number) =>
    ev('TargetMeasured', { planId: PLAN_ID, targetId, unitId, period, value: v, recordedBy: planner.userId, measuredAt: NOW }, NOW, planner);
  const status = (targetId: string, unitId: string | null, period: string, st: 'on-track' | 'met' | 'missed') =>
    ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status: st, reason: '…', at: NOW }, NOW, planner);

  it('given targets never measured, when the plan closes, then it is closed and each series is missed for its final period, no value having been reported', () => {
    expect(spec.given([drafted, published]).when(sample.ClosePlan).then([closed, missed('enrolment', null, '2023'), missed('safety', 'school-a', '2023')]))
      .toMatchObject({ status: 'closed', closedAt: NOW, targets: { 'enrolment@*': { status: 'missed' }, 'safety@school-a': { status: 'missed' } } });
  });
  it('given enrolment on track after 2022 but never reported for 2023, then it is missed naming the status before; a series met or missed already is left alone', () => {
    spec.given([drafted, published, value('enrolment', null, '2022', 99), status('enrolment', null, '2022', 'on-track'), value('safety', 'school-a', '2023', 0), status('safety', 'school-a', '2023', 'met')])
      .when(sample.ClosePlan).then([closed, missed('enrolment', null, '2023', 'on-track')]);
    spec.given([drafted, published, value('enrolment', null, '2023', 90), status('enrolment', null, '2023', 'missed'), value('safety', 'school-a', '2022', 1), status('safety', 'school-a', '2022', 'missed')])
      .when(sample.ClosePlan).then([closed]);
  });
  it('given a plan without targets, then closing records only the close', () => {
    const plain = schedule();
    spec.given([ev('PlanDrafted', { planId: PLAN_ID, schedule: plain, source }, T0, planner), ev('PlanPublished', { planId: PLAN_ID, schedule: plain }, T0, planner)]).when(sample.ClosePlan).then([closed]);
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

describe('assign a roster (who holds a role at a unit, ADR 0022)', () => {
  const zhang = { personId: 'zhang-san', name: '张三' };
  const li = { personId: 'li-si', name: '李四' };
  const assign = (entries: RosterEntry[], at = NOW): PlanCommand => ({ type: 'AssignRoster', data: { planId: PLAN_ID, entries }, metadata: meta(at, planner) });
  const assigned = (entries: RosterEntry[], at = NOW) => ev('RosterAssigned', { planId: PLAN_ID, entries }, at, planner);
  const headTeacher = (people: RosterEntry['people']): RosterEntry => ({ roleId: 'head-teacher', unitId: 'school-a', people });

  it('given a published plan with head-teacher work at school-a, when a roster names 张三, then RosterAssigned records it and the state holds him', () => {
    const state = spec.given([drafted, published]).when(sample.AssignRoster).then([assigned([headTeacher([zhang])])]);
    expect(holdersOf(state.roster, 'head-teacher', 'school-a')).toEqual([zhang]);
    expect(holdersOf(state.roster, 'head-teacher', 'bureau')).toEqual([]);
  });
  it('given 张三 holds the role, when a later roster names 李四, then 李四 replaces him (a new event, the old one kept)', () => {
    const history = [drafted, published, assigned([headTeacher([zhang])], T0)];
    const state = spec.given(history).when(assign([headTeacher([li])])).then([assigned([headTeacher([li])])]);
    expect(state.roster).toEqual({ 'head-teacher@school-a': [li] });
  });
  it('given a holder, when the roster gives the role nobody, then the role is vacated (未指定 again)', () => {
    const state = spec.given([drafted, published, assigned([headTeacher([zhang])], T0)]).when(assign([headTeacher([])])).then([assigned([headTeacher([])])]);
    expect(state.roster).toEqual({});
  });
  it('refuses a role the plan gives no work to, a unit it does not name, a role@unit named twice, a person listed twice, and an empty roster', () => {
    const given = () => spec.given([drafted, published]);
    given().when(assign([{ roleId: 'backbone-teacher', unitId: 'school-a', people: [zhang] }])).thenFails({ code: 'invalid_command', field: 'entries[0].role' });
    given().when(assign([{ roleId: 'head-teacher', unitId: 'school-z', people: [zhang] }])).thenFails({ code: 'invalid_command', field: 'entries[0].unit' });
    given().when(assign([headTeacher([zhang]), headTeacher([li])])).thenFails({ code: 'invalid_command', field: 'entries[1]' });
    given().when(assign([headTeacher([zhang, zhang])])).thenFails({ code: 'invalid_command', field: 'entries[0].people[1]' });
    given().when(assign([])).thenFails({ code: 'invalid_command', field: 'entries' });
  });
  it('replaying the stream to an instant says who held the role then', () => {
    const events = [drafted, published, assigned([headTeacher([zhang])], '2022-02-01T00:00:00.000Z'), assigned([headTeacher([li])], '2022-09-01T00:00:00.000Z')];
    expect(holdersOf(rosterAsOf(events, '2022-01-01T00:00:00.000Z'), 'head-teacher', 'school-a')).toEqual([]);
    expect(holdersOf(rosterAsOf(events, '2022-05-01T00:00:00.000Z'), 'head-teacher', 'school-a')).toEqual([zhang]);
    expect(holdersOf(rosterAsOf(events, '2023-01-01T00:00:00.000Z'), 'head-teacher', 'school-a')).toEqual([li]);
  });
});

describe('record a target measurement', () => {
  const measure = (data: Partial<Extract<PlanCommand, { type: 'RecordMeasurement' }>['data']>, at = NOW): PlanCommand => ({ ...sample.RecordMeasurement, data: { ...sample.RecordMeasurement.data, ...data }, metadata: meta(at, planner) });
  const measured = (period: string, value: number, unitId: string | null = null, targetId = 'enrolment', at = NOW) =>
    ev('TargetMeasured', { planId: PLAN_ID, targetId, unitId, period, value, recordedBy: planner.userId, measuredAt: at }, at, planner);
  const changed = (period: string, status: 'on-track' | 'at-risk' | 'met' | 'missed', reason: string, previousStatus?: 'on-track' | 'at-risk' | 'met' | 'missed', unitId: string | null = null, targetId = 'enrolment', at = NOW) =>
    ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status, ...(previousStatus ? { previousStatus } : {}), reason, at }, at, planner);

  it('given a published plan, when 2022 already meets 2023, then the value and "on track" are recorded', () => {
    const state = spec.given([drafted, published]).when(measure({ value: 99 })).then([measured('2022', 99), changed('2022', 'on-track', 'the trend reaches 99 % by 2023, meeting >= 99 % (2023)')]);
    expect(state.targets?.['enrolment@*']).toEqual({ measurements: [{ period: '2022', value: 99, at: NOW }], status: 'on-track', reason: 'the trend reaches 99 % by 2023, meeting >= 99 % (2023)' });
  });
  it('given 2022 at risk, when 2023 reaches 99.5, then the target is met (the status before is named)', () => {
    const history = [drafted, published, measured('2022', 96), changed('2022', 'at-risk', 'the trend reaches 96 % by 2023, short of >= 99 % (2023)')];
    spec.given(history).when(measure({ period: '2023', value: 99.5 })).then([measured('2023', 99.5), changed('2023', 'met', '2023: 99.5 % meets >= 99 % (2023)', 'at-risk')]);
  });
  it('given on track, when a correction keeps it on track, then only the value is recorded', () => {
    const history = [drafted, published, measured('2022', 99), changed('2022', 'on-track', '…')];
    spec.given(history).when(measure({ value: 99.2 })).then([measured('2022', 99.2)]);
  });
  it('given a per-unit "zero incidents" target, when school-a reports one incident, then it is missed for good', () => {
    spec.given([drafted, published]).when(measure({ targetId: 'safety', unitId: 'school-a', period: '2022', value: 1 }))
      .then([measured('2022', 1, 'school-a', 'safety'), changed('2022', 'missed', '2022: 1 起, more than the 0 allowed', undefined, 'school-a', 'safety')]);
  });
  it.each([
    ['an unknown target', { targetId: 'quality' }, 'targetId'],
    ['a unit for a plan-wide target', { unitId: 'school-a' }, 'unitId'],
    ['no unit for a per-unit target', { targetId: 'safety' }, 'unitId'],
    ['a unit the target does not apply to', { targetId: 'safety', unitId: 'bureau' }, 'unitId'],
    ['a school year for a calendar-year target', { period: '2022-2023' }, 'period'],
    ['a period after the last milestone', { period: '2024' }, 'period'],
    ['a level for a number', { value: '优秀' }, 'value'],
  ])('when %s is given, then it is refused naming the field', (_what, data, field) => {
    spec.given([drafted, published]).when(measure(data as never)).thenFails({ code: 'invalid_command', field });
  });
});

describe('amend targets (ADR 0023, amended)', () => {
  type Status = 'on-track' | 'at-risk' | 'met' | 'missed';
  const [enrolment, safety] = S.targets!;
  const amendTo = (targets: typeof S.targets, reason = '省通知提高毛入园率目标'): PlanCommand =>
    ({ type: 'AmendPlan', data: { planId: PLAN_ID, schedule: { ...S, targets }, reason }, metadata: meta(NOW, planner) });
  const amendedTo = (targets: typeof S.targets, amendment = 1, reason = '省通知提高毛入园率目标') =>
    ev('PlanAmended', { planId: PLAN_ID, amendment, reason, schedule: { ...S, targets }, changes: diffSchedules(S, { ...S, targets }), source: undefined }, NOW, planner);
  const measured = (period: string, value: number, unitId: string | null = null, targetId = 'enrolment') =>
    ev('TargetMeasured', { planId: PLAN_ID, targetId, unitId, period, value, recordedBy: planner.userId, measuredAt: T0 }, T0, planner);
  const changed = (period: string, status: Status, reason: string, previousStatus?: Status, unitId: string | null = null, targetId = 'enrolment', at = T0) =>
    ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status, ...(previousStatus ? { previousStatus } : {}), reason, at }, at, planner);
  /** 2022: 96 % against 95 % that year and 99 % by 2023; the trend from nothing stays at 96: at risk. */
  const measuredEnrolment = [drafted, published, measured('2022', 96), changed('2022', 'at-risk', 'the trend reaches 96 % by 2023, short of >= 99 % (2023)')];

  it('given no values, when only a milestone is raised, then the amendment is accepted and records the target change alone', () => {
    const raised = [{ ...enrolment, milestones: [{ period: '2022', value: 96 }, { period: '2023', value: 99 }] }, safety];
    spec.given([drafted, published]).when(amendTo(raised)).then([amendedTo(raised)]);
    expect(diffSchedules(S, { ...S, targets: raised })).toMatchObject({ otherChanges: [], targets: { addedTargetIds: [], removedTargetIds: [], changed: [{ targetId: 'enrolment', terms: ['milestones'] }] } });
  });
  it('given 2022 at risk, when the final value is lowered to 96, then the status is judged again under the new terms and recorded with the amendment', () => {
    const lowered = [{ ...enrolment, milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 96 }] }, safety];
    const state = spec.given(measuredEnrolment).when(amendTo(lowered, '市通知调整目标')).then([
      amendedTo(lowered, 1, '市通知调整目标'),
      changed('2022', 'on-track', 're-judged after amendment 1 (value): the trend reaches 96 % by 2023, meeting >= 96 % (2023)', 'at-risk', null, 'enrolment', NOW),
    ]);
    expect(state.targets?.['enrolment@*']).toMatchObject({ status: 'on-track', measurements: [{ period: '2022', value: 96 }] });
  });
  it('given 2022 at risk, when the milestone is raised so that it stays at risk, then only the amendment is recorded', () => {
    const raised = [{ ...enrolment, milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 99.5 }] }, safety];
    spec.given(measuredEnrolment).when(amendTo(raised)).then([amendedTo(raised)]);
  });
  it('given a 2022 value, when the 2022 milestone is raised above it, then it is at risk below the milestone of the period measured', () => {
    const history = [drafted, published, measured('2022', 99), changed('2022', 'on-track', 'the trend reaches 99 % by 2023, meeting >= 99 % (2023)')];
    const raised = [{ ...enrolment, milestones: [{ period: '2022', value: 99.5 }, { period: '2023', value: 99 }] }, safety];
    spec.given(history).when(amendTo(raised)).then([
      amendedTo(raised),
      changed('2022', 'at-risk', 're-judged after amendment 1 (milestones): 2022: 99 % is below the milestone >= 99.5 % (2022)', 'on-track', null, 'enrolment', NOW),
    ]);
  });
  it('given values for a target, when the target is removed, then its series leaves state and views (its events stay) and nothing is judged', () => {
    const withoutEnrolment = [safety];
    const state = spec.given(measuredEnrolment).when(amendTo(withoutEnrolment, '目标取消')).then([amendedTo(withoutEnrolment, 1, '目标取消')]);
    expect(state.targets).toEqual({});
    expect(targetViewsOf(state).map((v) => v.targetId)).toEqual(['safety']);
    expect(diffSchedules(S, { ...S, targets: withoutEnrolment }).targets).toEqual({ addedTargetIds: [], removedTargetIds: ['enrolment'], changed: [] });
  });
  it('given a per-unit series, when the target no longer applies to that unit, then that series leaves state', () => {
    const history = [drafted, published, measured('2022', 0, 'school-a', 'safety'), changed('2022', 'on-track', 'held through 2022', undefined, 'school-a', 'safety')];
    const moved = [enrolment, { ...safety, unitIds: ['school-b'] }];
    const state = spec.given(history).when(amendTo(moved)).then([amendedTo(moved)]);
    expect(state.targets).toEqual({});
    expect(targetViewsOf(state).filter((v) => v.targetId === 'safety')).toMatchObject([{ unitId: 'school-b', status: null, measurements: [] }]);
  });
  it('given a new target, when it is added, then it is recorded as added and shown unmeasured', () => {
    const quality = { targetId: 'quality', metric: '优质园数量', kind: 'ratio' as const, unit: '所', baseline: { period: '2021', value: 10 }, milestones: [{ period: '2023', value: 2 }], unitIds: [] };
    const state = spec.given([drafted, published]).when(amendTo([enrolment, safety, quality])).then([amendedTo([enrolment, safety, quality])]);
    expect(diffSchedules(S, { ...S, targets: [enrolment, safety, quality] }).targets).toEqual({ addedTargetIds: ['quality'], removedTargetIds: [], changed: [] });
    expect(targetViewsOf(state).find((v) => v.targetId === 'quality')).toMatchObject({ status: null, measurements: [] });
  });
  it('given a recorded number, when the target becomes pass/fail, then the amendment is refused naming the target and the value in the way', () => {
    const passFail = [{ ...enrolment, kind: 'pass-fail' as const, comparison: undefined, milestones: [{ period: '2023', value: true }] }, safety];
    const error = spec.given(measuredEnrolment).when(amendTo(passFail)).thenFails({ code: 'invalid_command', field: 'schedule.targets.enrolment' });
    expect(error.message).toContain('the value recorded for 2022 (96)');
  });
  it('given targets, when the amended version repeats them in another order, then it changes nothing and is refused', () => {
    spec.given(measuredEnrolment).when(amendTo([safety, enrolment])).thenFails({ code: 'invalid_command', field: 'schedule', message: 'the amendment changes nothing' });
  });
  it('given an amendment recorded before target changes were (targets among otherChanges, no `targets`), then it folds as before', () => {
    const raised = [{ ...enrolment, milestones: [{ period: '2022', value: 96 }, { period: '2023', value: 99 }] }, safety];
    const old = ev('PlanAmended', { planId: PLAN_ID, amendment: 1, reason: '旧', schedule: { ...S, targets: raised }, changes: { ...diffSchedules(S, S), otherChanges: ['targets'] } }, NOW, planner);
    expect(spec.given([...measuredEnrolment, old]).state).toMatchObject({ amendments: 1, targets: { 'enrolment@*': { status: 'at-risk' } } });
  });
});
