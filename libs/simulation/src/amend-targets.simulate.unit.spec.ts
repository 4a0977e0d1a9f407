import type { PlanSchedule, PlanledgerEvent, ScheduledTarget } from '@planledger/domain';
import { simulatePlan, type SimulationOptions } from './simulate-plan';
import { TimelineBuilder } from './timeline';

/** ADR 0023, amended: a county lowers its 毛入园率 target after a provincial notice and drops another target, mid-plan. */
const enrolment: ScheduledTarget = {
  targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold', comparison: '>=', unit: '%', milestones: [{ period: '2022', value: 88 }, { period: '2023', value: 90 }], unitIds: [],
};
const evaluation: ScheduledTarget = { targetId: 'evaluation', metric: '督导评估', kind: 'pass-fail', unit: '', milestones: [{ period: '2023', value: true }], unitIds: [] };
const schedule: PlanSchedule = {
  planId: 'demo', title: '示例计划', documentNumber: '示教〔2021〕1号', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-09-01T00:00:00.000+08:00', endsAt: '2023-08-31T23:59:59.999+08:00',
  departments: ['bureau', 'office'].map((id) => ({ id, name: id, kind: 'bureau' })),
  phases: [{ phaseId: 'whole', name: '全面实施', kind: 'stage', order: 0, opensAt: '2021-09-01T00:00:00.000+08:00', closesAt: '2023-08-31T23:59:59.999+08:00', focus: [] }],
  obligations: [],
  targets: [enrolment, evaluation],
};
const lowered: PlanSchedule = { ...schedule, targets: [{ ...enrolment, milestones: [{ period: '2022', value: 85 }, { period: '2023', value: 86 }] }] };

function run(options: Partial<SimulationOptions>) {
  const events: { event: PlanledgerEvent; stream: string }[] = [];
  const result = simulatePlan(schedule, { fileName: 'demo.yaml', format: 'yaml', text: '' }, { ...options, onEvent: (event, stream) => events.push({ event, stream }) });
  return { result, events: events.map((e) => e.event) };
}

describe('simulated amendment of targets', () => {
  const measurements: SimulationOptions['measurements'] = [{ targetId: 'enrolment', unitId: null, period: '2022', value: 86, at: '2022-12-01T09:00:00.000+08:00' }];
  const amendments: SimulationOptions['amendments'] = [{ at: '2023-01-10T09:00:00.000+08:00', schedule: lowered, reason: '省通知调整目标' }];

  it('re-judges the measured target under the new terms right after the amendment, and the timeline says what happened to each target', () => {
    const { result, events } = run({ measurements, amendments });
    expect(result.rejections).toEqual([]);
    const targetLines = events.filter((e) => e.type === 'PlanAmended' || e.type === 'TargetStatusChanged');
    expect(targetLines.map((e) => [e.type, e.type === 'TargetStatusChanged' ? `${e.data.targetId} ${e.data.previousStatus ?? '-'}→${e.data.status}` : ''])).toEqual([
      ['TargetStatusChanged', 'enrolment -→at-risk'],
      ['PlanAmended', ''],
      ['TargetStatusChanged', 'enrolment at-risk→on-track'],
      // The close: 2023 never reported. The dropped evaluation target is not judged.
      ['TargetStatusChanged', 'enrolment on-track→missed'],
    ]);
    const timeline = new TimelineBuilder('demo');
    const lines = targetLines.map((e) => timeline.entry(e).detail);
    expect(lines[1]).toBe('省通知调整目标; targets: enrolment changed (value, milestones), evaluation removed (no longer judged or shown)');
    expect(lines[2]).toBe('enrolment 2022 at-risk → on-track: re-judged after amendment 1 (value, milestones): the trend reaches 86 % by 2023, meeting >= 86 % (2023)');
  });

  it('an amendment of targets alone is accepted by the simulator as by the service', () => {
    const { result, events } = run({ amendments });
    expect(result.rejections).toEqual([]);
    expect(events.filter((e) => e.type === 'PlanAmended')).toHaveLength(1);
  });
});
