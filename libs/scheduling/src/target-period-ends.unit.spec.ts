import { timersForSchedule, type ScheduledTarget } from '@planledger/domain';
import type { PlanDefinitionInput } from '@planledger/plan-definition';
import { compileSchedule } from './compile-schedule';
import { definitionWith, planInput } from './testing/plan-fixture';

type TargetInput = NonNullable<PlanDefinitionInput['targets']>[number];

/** ADR 0026: every target's reporting periods, each with the first instant after it in the plan's zone. */
describe('compileSchedule: a target period ends', () => {
  const targets: TargetInput[] = [
    { id: 'enrolment', metric: '毛入园率', value: 99, unit: '%', by: '2023-12-31' },
    { id: 'safety', metric: '安全责任事故', kind: 'held', unit: '起', by: { schoolYear: 2023 }, appliesTo: ['all-schools'] },
    { id: 'quality', metric: '优质园', kind: 'ratio', value: 2, unit: '所', baseline: { period: '2022', value: 6 }, by: '2024-12-31' },
  ] as TargetInput[];
  const compiled = (overrides: Partial<PlanDefinitionInput> = {}) => compileSchedule(definitionWith([], { targets, ...overrides }));
  const schedule = compiled();
  const target = (id: string): ScheduledTarget => schedule.targets!.find((t) => t.targetId === id)!;

  it('judges a calendar-year target at local midnight of 1 January after each year, from the plan\'s first year, measured by someone or not', () => {
    expect(target('enrolment').periodEnds).toEqual([
      { period: '2021', judgedAt: '2022-01-01T00:00:00.000+08:00' },
      { period: '2022', judgedAt: '2023-01-01T00:00:00.000+08:00' },
      { period: '2023', judgedAt: '2024-01-01T00:00:00.000+08:00' },
    ]);
  });
  it('judges a school-year target the day after the school year\'s last day', () => {
    expect(target('safety').periodEnds).toEqual([
      { period: '2021-2022', judgedAt: '2022-09-01T00:00:00.000+08:00' },
      { period: '2022-2023', judgedAt: '2023-09-01T00:00:00.000+08:00' },
      { period: '2023-2024', judgedAt: '2024-09-01T00:00:00.000+08:00' },
    ]);
  });
  it('starts the year after the baseline', () => {
    expect(target('quality').periodEnds?.map((p) => p.period)).toEqual(['2023', '2024']);
  });
  it('uses the plan\'s zone', () => {
    const newYork = compiled({ plan: { ...planInput().plan, timeZone: 'America/New_York' } });
    expect(newYork.targets![0].periodEnds?.[0]).toEqual({ period: '2021', judgedAt: '2022-01-01T00:00:00.000-05:00' });
  });
  it('gives one plan timer per instant at which periods end, judging them all', () => {
    const timers = timersForSchedule(schedule).filter((t) => t.kind === 'target-period-end');
    const instants = [...new Set(schedule.targets!.flatMap((t) => t.periodEnds!.map((p) => p.judgedAt)))].sort();
    expect(timers.map((t) => t.command)).toEqual(instants.map((periodsEndedAt) => ({ type: 'JudgeTargetPeriods', data: { planId: schedule.planId, periodsEndedAt } })));
    expect(timers.map((t) => t.dueAt)).toEqual(instants);
    expect(timers).toHaveLength(7); // 1 January 2022–2025 (enrolment's and quality's 2023 share 2024-01-01) and 1 September 2022–2024
    expect(timers.every((t) => t.target.aggregate === 'plan' && t.target.planId === schedule.planId)).toBe(true);
    for (const timer of timers) expect(timer.timerId).not.toContain(':');
  });
  it('a schedule compiled before ADR 0026 (no periodEnds) sets no period-end timers', () => {
    const old = { ...schedule, targets: schedule.targets!.map(({ periodEnds: _ends, ...rest }) => rest) };
    expect(timersForSchedule(old).filter((t) => t.kind === 'target-period-end')).toEqual([]);
  });
});
