import type { PlanSchedule, PlanledgerEvent, ScheduledTarget } from '@planledger/domain';
import { simulatePlan, type SimulatedMeasurement } from './simulate-plan';

/** ADR 0026 in the simulator: a period-end timer of the plan judges each series without a value. */
const periodEnds = [{ period: '2021', judgedAt: '2022-01-01T00:00:00.000+08:00' }, { period: '2022', judgedAt: '2023-01-01T00:00:00.000+08:00' }];
const safety: ScheduledTarget = { targetId: 'safety', metric: '安全责任事故', kind: 'held', unit: '起', milestones: [{ period: '2022', value: 0 }], unitIds: ['school-a', 'school-b'], periodEnds };
const myopia: ScheduledTarget = { targetId: 'myopia', metric: '近视率', kind: 'rising', direction: 'down', minStep: 0.5, unit: '%', milestones: [{ period: '2022', value: 0.5 }], unitIds: [], periodEnds };
const schedule: PlanSchedule = {
  planId: 'demo', title: '示例计划', documentNumber: '示教〔2021〕1号', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2023-08-31T23:59:59.999+08:00',
  departments: ['bureau', 'school-a', 'school-b'].map((id) => ({ id, name: id, kind: 'school' })),
  phases: [],
  obligations: [],
  targets: [safety, myopia],
};

function statusChanges(measurements: SimulatedMeasurement[] = []) {
  const events: PlanledgerEvent[] = [];
  const result = simulatePlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { measurements, onEvent: (event) => events.push(event) });
  expect(result.rejections).toEqual([]);
  return events.flatMap((e) => (e.type === 'TargetStatusChanged' ? [[e.at, `${e.data.targetId}@${e.data.unitId ?? '*'}`, e.data.status, e.data.previousStatus ?? null, e.data.reason]] : []));
}

describe('simulatePlan: a target period ends (ADR 0026)', () => {
  it('given held and rising targets nobody reports on, then each series is at risk as a year ends and missed as the final year ends', () => {
    expect(statusChanges()).toEqual([
      ['2022-01-01T00:00:00.000+08:00', 'safety@school-a', 'at-risk', null, 'no value was reported for 2021'],
      ['2022-01-01T00:00:00.000+08:00', 'safety@school-b', 'at-risk', null, 'no value was reported for 2021'],
      ['2022-01-01T00:00:00.000+08:00', 'myopia@*', 'at-risk', null, 'no value was reported for 2021'],
      ['2023-01-01T00:00:00.000+08:00', 'safety@school-a', 'missed', 'at-risk', 'no value was reported for 2022 by its end'],
      ['2023-01-01T00:00:00.000+08:00', 'safety@school-b', 'missed', 'at-risk', 'no value was reported for 2022 by its end'],
      ['2023-01-01T00:00:00.000+08:00', 'myopia@*', 'missed', 'at-risk', 'no value was reported for 2022 by its end'],
    ]);
  });
  it('given a value recorded at the period\'s last instant, then it counts; a value recorded late judges the series again by the status rule', () => {
    const changes = statusChanges([
      { targetId: 'safety', unitId: 'school-a', period: '2021', value: 0, at: '2021-12-31T23:59:59.999+08:00' },
      { targetId: 'myopia', unitId: null, period: '2021', value: 30, at: '2022-03-01T10:00:00.000+08:00' },
      { targetId: 'safety', unitId: 'school-a', period: '2022', value: 0, at: '2022-12-31T23:59:59.999+08:00' },
    ]);
    expect(changes).toEqual([
      ['2021-12-31T23:59:59.999+08:00', 'safety@school-a', 'on-track', null, 'held through 2021'],
      ['2022-01-01T00:00:00.000+08:00', 'safety@school-b', 'at-risk', null, 'no value was reported for 2021'],
      ['2022-01-01T00:00:00.000+08:00', 'myopia@*', 'at-risk', null, 'no value was reported for 2021'],
      ['2022-03-01T10:00:00.000+08:00', 'myopia@*', 'on-track', 'at-risk', '2021: 30 %, the first value: each year after must be lower'],
      ['2022-12-31T23:59:59.999+08:00', 'safety@school-a', 'met', 'on-track', 'held through 2022'],
      ['2023-01-01T00:00:00.000+08:00', 'safety@school-b', 'missed', 'at-risk', 'no value was reported for 2022 by its end'],
      ['2023-01-01T00:00:00.000+08:00', 'myopia@*', 'missed', 'on-track', 'no value was reported for 2022 by its end'],
    ]);
  });
  it('given a plan closed before its final period ends, then the close misses what was never reported (no timer outlives the close)', () => {
    const events: PlanledgerEvent[] = [];
    simulatePlan({ ...schedule, endsAt: '2022-08-31T23:59:59.999+08:00' }, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { onEvent: (event) => events.push(event) });
    const missed = events.filter((e) => e.type === 'TargetStatusChanged' && e.data.status === 'missed');
    expect(missed.map((e) => [e.at, e.type === 'TargetStatusChanged' && e.data.reason])).toEqual(Array(3).fill(['2022-08-31T23:59:59.999+08:00', "no value was reported for 2022 by the plan's close"]));
    expect(events.at(-1)?.type).toBe('TargetStatusChanged');
    expect(events.filter((e) => Date.parse(e.at) > Date.parse('2022-08-31T23:59:59.999+08:00'))).toEqual([]);
  });
});
