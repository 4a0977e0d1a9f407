import { compileSchedule } from './compile-schedule';
import { definitionWith } from './testing/plan-fixture';

/** The fixture plan runs 2021-09-01 … 2024-08-31 in Asia/Shanghai, three theme years. */
describe('the bulletin timetable (通报) compiled into the schedule', () => {
  it('is absent when the plan names none, so such schedules stay as they were', () => {
    expect(compileSchedule(definitionWith([])).bulletins).toBeUndefined();
  });

  it('given weekly on Monday, then each Monday at 00:00 in Shanghai covers the Monday-to-Sunday week before', () => {
    const { slots } = compileSchedule(definitionWith([], { bulletins: { weekly: 'mon' } })).bulletins!;
    // 2021-09-01 is a Wednesday: the first Monday after it is 09-06, covering 08-30 … 09-05.
    expect(slots[0]).toEqual({ slotId: 'weekly.2021-09-06', dueAt: '2021-09-06T00:00:00.000+08:00', period: { kind: 'window', from: '2021-08-30', to: '2021-09-05' } });
    expect(slots[1].period).toEqual({ kind: 'window', from: '2021-09-06', to: '2021-09-12' });
    // Every Monday from 2021-09-06 to 2024-08-26: 156 weeks.
    expect(slots).toHaveLength(156);
    expect(slots.at(-1)!.slotId).toBe('weekly.2024-08-26');
  });

  it('given monthly on the 5th and phase ends, then each month covers the month before and each theme year its own', () => {
    const { slots } = compileSchedule(definitionWith([], { bulletins: { monthly: 5, phaseEnd: true } })).bulletins!;
    const monthly = slots.filter((s) => s.slotId.startsWith('monthly.'));
    expect(monthly[0]).toEqual({ slotId: 'monthly.2021-09', dueAt: '2021-10-05T00:00:00.000+08:00', period: { kind: 'window', from: '2021-09-01', to: '2021-09-30' } });
    expect(monthly).toHaveLength(35); // 2021-10-05 … 2024-08-05
    expect(slots.filter((s) => s.period.kind === 'phase').map((s) => [s.slotId, s.dueAt])).toEqual([
      ['phase.norm-year', '2022-08-31T23:59:59.999+08:00'],
      ['phase.improvement-year', '2023-08-31T23:59:59.999+08:00'],
      ['phase.effectiveness-year', '2024-08-31T23:59:59.999+08:00'],
    ]);
    // In time order: the norm year's bulletin comes after 2022-08-05's monthly one.
    const index = slots.findIndex((s) => s.slotId === 'phase.norm-year');
    expect(slots[index - 1].slotId).toBe('monthly.2022-07');
  });

  it('carries the rubric with classes resolved to their members', () => {
    const { assessment } = compileSchedule(definitionWith([], { assessment: { units: ['all-schools'], rules: { overdue: -2, acceptedOnTime: { points: 1, limit: 10 } } } }));
    expect(assessment).toEqual({ units: ['school-a', 'school-b', 'school-c'], periods: 'phase', base: 100, rules: { overdue: { points: -2 }, acceptedOnTime: { points: 1, limit: 10 } } });
  });
});
