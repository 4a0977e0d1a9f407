import fc from 'fast-check';
import { planDecider } from '../plan/plan.decider';
import type { PlanCommand } from '../plan/plan.commands';
import type { PlanEvent } from '../plan/plan.events';
import { DeciderSpecification } from '../testing/decider-spec';
import { meta, PLAN_ID, planEvent as ev, planner, schedule, timer } from '../testing/fixtures';
import { targetSeriesKey, type ScheduledTarget, type TargetStatus } from './scheduled-target';

/** ADR 0026: a target's reporting period ends, and each series with no value for it is judged. */
const spec = DeciderSpecification.for(planDecider);
const END_2022 = '2022-12-31T16:00:00.000Z';
const END_2023 = '2023-12-31T16:00:00.000Z';
const periodEnds = [{ period: '2022', judgedAt: END_2022 }, { period: '2023', judgedAt: END_2023 }];
const enrolment: ScheduledTarget = {
  targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%', milestones: [{ period: '2022', value: 95 }, { period: '2023', value: 99 }], unitIds: [], periodEnds,
};
const safety: ScheduledTarget = { targetId: 'safety', metric: '安全责任事故', kind: 'held', unit: '起', milestones: [{ period: '2023', value: 0 }], unitIds: ['school-a', 'school-b'], periodEnds };
const S = schedule({ targets: [enrolment, safety] });
const source = { fileName: 'plan.yaml', format: 'yaml' as const, text: '' };
const drafted = ev('PlanDrafted', { planId: PLAN_ID, schedule: S, source }, '2021-11-25T00:00:00.000Z', planner);
const published = ev('PlanPublished', { planId: PLAN_ID, schedule: S }, '2021-11-26T00:00:00.000Z', planner);

/** The timer of the instant periods end at; it may take effect later (a plan published late catches up). */
const judge = (periodsEndedAt: string, at = periodsEndedAt): PlanCommand => ({ type: 'JudgeTargetPeriods', data: { planId: PLAN_ID, periodsEndedAt }, metadata: meta(at, timer) });
const changed = (targetId: string, unitId: string | null, period: string, status: TargetStatus, reason: string, previousStatus?: TargetStatus, at = END_2022) =>
  ev('TargetStatusChanged', { planId: PLAN_ID, targetId, unitId, period, status, ...(previousStatus ? { previousStatus } : {}), reason, at }, at, timer);
const measured = (targetId: string, unitId: string | null, period: string, value: number, at = '2022-12-01T00:00:00.000Z') =>
  ev('TargetMeasured', { planId: PLAN_ID, targetId, unitId, period, value, recordedBy: planner.userId, measuredAt: at }, at, planner);
const byPlanner = (event: PlanEvent): PlanEvent => ({ ...event, actor: planner });

describe('a target period ends (ADR 0026)', () => {
  const atRisk2022 = (targetId: string, unitId: string | null, previousStatus?: TargetStatus) => changed(targetId, unitId, '2022', 'at-risk', 'no value was reported for 2022', previousStatus);
  const missed2023 = (targetId: string, unitId: string | null, previousStatus?: TargetStatus) =>
    changed(targetId, unitId, '2023', 'missed', 'no value was reported for 2023 by its end', previousStatus, END_2023);

  it('given targets never reported, when 2022 ends, then every series is at risk, in the schedule\'s order: a "zero incidents" target too', () => {
    const state = spec.given([drafted, published]).when(judge(END_2022)).then([atRisk2022('enrolment', null), atRisk2022('safety', 'school-a'), atRisk2022('safety', 'school-b')]);
    expect(state.targets?.['enrolment@*']).toEqual({ measurements: [], status: 'at-risk', reason: 'no value was reported for 2022' });
  });
  it('given the final period never reported, when it ends, then each series is missed by its end, naming the status before', () => {
    spec.given([drafted, published, atRisk2022('enrolment', null)]).when(judge(END_2023))
      .then([missed2023('enrolment', null, 'at-risk'), missed2023('safety', 'school-a'), missed2023('safety', 'school-b')]);
  });
  it('given a value for the period, when it ends, then nothing is recorded for that series', () => {
    spec.given([drafted, published, measured('enrolment', null, '2022', 96), byPlanner(changed('enrolment', null, '2022', 'at-risk', '…')), measured('safety', 'school-a', '2022', 0), measured('safety', 'school-b', '2022', 0)])
      .when(judge(END_2022)).thenNothing();
    spec.given([drafted, published, measured('enrolment', null, '2023', 99.5), measured('safety', 'school-a', '2023', 0)]).when(judge(END_2023)).then([missed2023('safety', 'school-b')]);
  });
  it('given a series already at risk, when an earlier period ends unreported, then nothing new is recorded for it (a status is recorded when it changes)', () => {
    spec.given([drafted, published, atRisk2022('enrolment', null), atRisk2022('safety', 'school-a')]).when(judge(END_2022)).then([atRisk2022('safety', 'school-b')]);
  });
  it('given a series met or missed, when a period ends unreported, then it is left alone (met and missed are final)', () => {
    const history = [
      drafted, published, measured('enrolment', null, '2023', 99.5), byPlanner(changed('enrolment', null, '2023', 'met', '…')),
      measured('safety', 'school-a', '2022', 1), byPlanner(changed('safety', 'school-a', '2022', 'missed', '…')), measured('safety', 'school-b', '2022', 2), byPlanner(changed('safety', 'school-b', '2022', 'missed', '…')),
    ];
    spec.given(history).when(judge(END_2022)).thenNothing();
    spec.given(history).when(judge(END_2023)).thenNothing();
  });
  it('given a series at risk for want of a value, when the value comes later, then the status rule judges it again', () => {
    const at = '2023-01-10T00:00:00.000Z';
    spec.given([drafted, published, atRisk2022('enrolment', null)]).when({ type: 'RecordMeasurement', data: { planId: PLAN_ID, targetId: 'enrolment', unitId: null, period: '2022', value: 99 }, metadata: meta(at, planner) })
      .then([measured('enrolment', null, '2022', 99, at), byPlanner(changed('enrolment', null, '2022', 'on-track', 'the trend reaches 99 % by 2023, meeting >= 99 % (2023)', 'at-risk', at))]);
  });
  it('given a plan published after a period ended, when its timer catches up at publication, then the period is judged at that instant', () => {
    const late = '2023-02-01T00:00:00.000Z';
    spec.given([drafted, published]).when(judge(END_2022, late)).then([
      changed('enrolment', null, '2022', 'at-risk', 'no value was reported for 2022', undefined, late), changed('safety', 'school-a', '2022', 'at-risk', 'no value was reported for 2022', undefined, late),
      changed('safety', 'school-b', '2022', 'at-risk', 'no value was reported for 2022', undefined, late),
    ]);
  });
  it('given a closed plan or a draft, when periods end, then nothing is decided (the timer passes by)', () => {
    spec.given([drafted, published, ev('PlanClosed', { planId: PLAN_ID, reason: '期满' }, '2022-06-30T00:00:00.000Z', planner)]).when(judge(END_2022)).thenNothing();
    spec.given([drafted]).when(judge(END_2022)).thenNothing();
  });
  it('given an instant no period of the schedule in force ends at, or a schedule compiled before ADR 0026, then nothing is decided', () => {
    spec.given([drafted, published]).when(judge('2022-06-30T16:00:00.000Z')).thenNothing();
    const old = schedule({ targets: [{ ...enrolment, periodEnds: undefined }] });
    spec.given([ev('PlanDrafted', { planId: PLAN_ID, schedule: old, source }, '2021-11-25T00:00:00.000Z', planner), ev('PlanPublished', { planId: PLAN_ID, schedule: old }, '2021-11-26T00:00:00.000Z', planner)])
      .when(judge(END_2022)).thenNothing();
  });
  it('the same instant written in the plan\'s zone is the same instant', () => {
    spec.given([drafted, published]).when(judge('2023-01-01T00:00:00.000+08:00', END_2022)).then([atRisk2022('enrolment', null), atRisk2022('safety', 'school-a'), atRisk2022('safety', 'school-b')]);
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
          : judge(s.period === '2022' ? END_2022 : END_2023);
        const decision = planDecider.decide(command, state);
        if (!decision.ok) throw new Error(JSON.stringify(decision.error));
        if (s.kind === 'judge') {
          for (const event of decision.events) {
            if (event.type !== 'TargetStatusChanged') throw new Error(`judging recorded ${event.type}`);
            expect(event.data.period).toBe(s.period);
            const before = state.targets?.[targetSeriesKey(event.data.targetId, event.data.unitId)];
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
