import fc from 'fast-check';
import { planDecider } from '../plan/plan.decider';
import type { PlanCommand } from '../plan/plan.commands';
import type { PlanEvent } from '../plan/plan.events';
import { DeciderSpecification } from '../testing/decider-spec';
import { meta, PLAN_ID, planEvent as ev, planner, schedule, timer } from '../testing/fixtures';
import { targetSeriesKey, type ScheduledTarget, type TargetStatus } from './scheduled-target';

/** ADR 0026: a target's reporting period ends, and each series with no value for it is judged. */
const spec = DeciderSpecification.for(planDecider);
const enrolment: ScheduledTarget = {
  targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%', milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 99 }], unitIds: [],
};
const safety: ScheduledTarget = { targetId: 'safety', metric: '安全责任事故', kind: 'held', unit: '起', milestones: [{ period: '2023', value: 0 }], unitIds: ['school-a', 'school-b'] };
const S = schedule({ targets: [enrolment, safety] });
const source = { fileName: 'plan.yaml', format: 'yaml' as const, text: '' };
const drafted = ev('PlanDrafted', { planId: PLAN_ID, schedule: S, source }, '2021-11-25T00:00:00.000Z', planner);
const published = ev('PlanPublished', { planId: PLAN_ID, schedule: S }, '2021-11-26T00:00:00.000Z', planner);
const END_2022 = '2022-12-31T16:00:00.000Z';
const END_2023 = '2023-12-31T16:00:00.000Z';

const judge = (targetId: string, period: string, at = END_2022): PlanCommand => ({ type: 'JudgeTargetPeriod', data: { planId: PLAN_ID, targetId, period }, metadata: meta(at, timer) });
const changed = (targetId: string, unitId: string | null, period: string, status: TargetStatus, reason: string, previousStatus?: TargetStatus, at = END_2022) =>
  ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status, ...(previousStatus ? { previousStatus } : {}), reason, at }, at, timer);
const measured = (targetId: string, unitId: string | null, period: string, value: number, at = '2022-12-01T00:00:00.000Z') =>
  ev('TargetMeasured', { planId: PLAN_ID, targetId, unitId, period, value, recordedBy: planner.userId, measuredAt: at }, at, planner);
const byPlanner = (event: PlanEvent): PlanEvent => ({ ...event, actor: planner });

describe('a target period ends (ADR 0026)', () => {
  it('given enrolment never reported, when 2022 ends, then it is at risk: no value was reported for 2022', () => {
    const state = spec.given([drafted, published]).when(judge('enrolment', '2022')).then([changed('enrolment', null, '2022', 'at-risk', 'no value was reported for 2022')]);
    expect(state.targets?.['enrolment@*']).toEqual({ measurements: [], status: 'at-risk', reason: 'no value was reported for 2022' });
  });
  it('given a "zero incidents" target nobody reports on, when an earlier period ends, then each unit is at risk (held has a way to be at risk)', () => {
    const safety2022: ScheduledTarget = { ...safety, milestones: [{ period: '2022', value: 0 }, { period: '2023', value: 0 }] };
    const plan = schedule({ targets: [safety2022] });
    spec.given([ev('PlanDrafted', { planId: PLAN_ID, schedule: plan, source }, '2021-11-25T00:00:00.000Z', planner), ev('PlanPublished', { planId: PLAN_ID, schedule: plan }, '2021-11-26T00:00:00.000Z', planner)])
      .when(judge('safety', '2022'))
      .then([changed('safety', 'school-a', '2022', 'at-risk', 'no value was reported for 2022'), changed('safety', 'school-b', '2022', 'at-risk', 'no value was reported for 2022')]);
  });
  it('given the final period never reported, when it ends, then each series is missed by its end, naming the status before', () => {
    const history = [drafted, published, changed('enrolment', null, '2022', 'at-risk', 'no value was reported for 2022')];
    spec.given(history).when(judge('enrolment', '2023', END_2023))
      .then([changed('enrolment', null, '2023', 'missed', 'no value was reported for 2023 by its end', 'at-risk', END_2023)]);
    spec.given([drafted, published]).when(judge('safety', '2023', END_2023)).then([
      changed('safety', 'school-a', '2023', 'missed', 'no value was reported for 2023 by its end', undefined, END_2023),
      changed('safety', 'school-b', '2023', 'missed', 'no value was reported for 2023 by its end', undefined, END_2023),
    ]);
  });
  it('given a value for the period, when it ends, then nothing is recorded for that series', () => {
    spec.given([drafted, published, measured('enrolment', null, '2022', 96), byPlanner(changed('enrolment', null, '2022', 'at-risk', '…'))]).when(judge('enrolment', '2022')).thenNothing();
    spec.given([drafted, published, measured('safety', 'school-a', '2023', 0)]).when(judge('safety', '2023', END_2023))
      .then([changed('safety', 'school-b', '2023', 'missed', 'no value was reported for 2023 by its end', undefined, END_2023)]);
  });
  it('given a series already at risk, when an earlier period ends unreported, then nothing new is recorded (a status is recorded when it changes)', () => {
    spec.given([drafted, published, changed('enrolment', null, '2022', 'at-risk', 'no value was reported for 2022')]).when(judge('enrolment', '2022')).thenNothing();
  });
  it('given a series met or missed, when a period ends unreported, then it is left alone (met and missed are final)', () => {
    spec.given([drafted, published, measured('enrolment', null, '2023', 99.5), byPlanner(changed('enrolment', null, '2023', 'met', '…'))]).when(judge('enrolment', '2022')).thenNothing();
    spec.given([drafted, published, measured('safety', 'school-a', '2022', 1), byPlanner(changed('safety', 'school-a', '2022', 'missed', '…')), measured('safety', 'school-b', '2022', 2), byPlanner(changed('safety', 'school-b', '2022', 'missed', '…'))])
      .when(judge('safety', '2023', END_2023)).thenNothing();
  });
  it('given a series at risk for want of a value, when the value comes later, then the status rule judges it again', () => {
    const history = [drafted, published, changed('enrolment', null, '2022', 'at-risk', 'no value was reported for 2022')];
    const at = '2023-01-10T00:00:00.000Z';
    spec.given(history).when({ type: 'RecordMeasurement', data: { planId: PLAN_ID, targetId: 'enrolment', unitId: null, period: '2022', value: 99 }, metadata: meta(at, planner) })
      .then([measured('enrolment', null, '2022', 99, at), byPlanner(changed('enrolment', null, '2022', 'on-track', 'the trend reaches 99 % by 2023, meeting >= 99 % (2023)', 'at-risk', at))]);
  });
  it('given a closed plan or a draft, when a period ends, then nothing is decided (the timer passes by)', () => {
    spec.given([drafted, published, ev('PlanClosed', { planId: PLAN_ID, reason: '期满' }, '2022-06-30T00:00:00.000Z', planner)]).when(judge('enrolment', '2022')).thenNothing();
    spec.given([drafted]).when(judge('enrolment', '2022')).thenNothing();
  });
  it('given a target the schedule in force no longer has, then nothing is decided; a period that is not the target\'s is refused', () => {
    spec.given([drafted, published]).when(judge('quality', '2022')).thenNothing();
    spec.given([drafted, published]).when(judge('enrolment', '2022-2023')).thenFails({ code: 'invalid_command', field: 'period' });
    spec.given([drafted, published]).when(judge('enrolment', '2024')).thenFails({ code: 'invalid_command', field: 'period' });
  });
  it('the plan\'s close still misses a final period that has not ended yet (a plan closed early)', () => {
    const closeAt = '2023-06-30T00:00:00.000Z';
    const { decision } = spec.given([drafted, published]).when({ type: 'ClosePlan', data: { planId: PLAN_ID, reason: '提前结束' }, metadata: meta(closeAt, planner) }).decision();
    expect(decision.ok && decision.events.map((e) => e.type === 'TargetStatusChanged' && [e.data.unitId, e.data.status, e.data.reason])).toEqual([
      false, [null, 'missed', "no value was reported for 2023 by the plan's close"], ['school-a', 'missed', "no value was reported for 2023 by the plan's close"], ['school-b', 'missed', "no value was reported for 2023 by the plan's close"],
    ]);
  });
});

describe('a target period ends: properties', () => {
  const period = fc.constantFrom('2022', '2023');
  const step = fc.oneof(
    fc.record({ kind: fc.constant('measure' as const), unitId: fc.constantFrom('school-a', 'school-b'), period, value: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('judge' as const), period }),
  );
  it('judging never changes a met or missed series, never judges a series with a value for the period, and records only changes', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 10 }), (steps) => {
      let state = [drafted, published].reduce(planDecider.evolve, planDecider.initialState());
      for (const s of steps) {
        const command: PlanCommand = s.kind === 'measure'
          ? { type: 'RecordMeasurement', data: { planId: PLAN_ID, targetId: 'safety', unitId: s.unitId, period: s.period, value: s.value }, metadata: meta(END_2022, planner) }
          : judge('safety', s.period);
        const decision = planDecider.decide(command, state);
        if (!decision.ok) throw new Error(JSON.stringify(decision.error));
        if (s.kind === 'judge') {
          for (const event of decision.events) {
            if (event.type !== 'TargetStatusChanged') throw new Error(`judging recorded ${event.type}`);
            const before = state.targets?.[targetSeriesKey('safety', event.data.unitId)];
            expect(before?.status).not.toBe('met');
            expect(before?.status).not.toBe('missed');
            expect(before?.status).not.toBe(event.data.status);
            expect(before?.measurements.some((m) => m.period === s.period) ?? false).toBe(false);
            expect(event.data.status).toBe(s.period === '2023' ? 'missed' : 'at-risk');
          }
        }
        state = decision.events.reduce(planDecider.evolve, state);
      }
    }));
  });
});
