import { applyHolidayRule } from '@planledger/calendar';
import { compileSchedule } from './compile-schedule';
import { definitionWith, measure } from './testing/plan-fixture';

// Issue #13 item 6: "3月5日前" in practice means the last working day before a holiday, and a
// plan may say so for one measure while the rest of it moves deadlines to the next working day.
describe('holiday rules per plan and per measure', () => {
  // 2022-10-01 … 2022-10-07 is the National Day holiday; 2022-10-08 (Saturday) a make-up working day.
  const dueOn = (schedule: ReturnType<typeof compileSchedule>, id: string) => schedule.obligations.find((o) => o.measureId === id)?.dueAt.slice(0, 10);

  it('moves a measure with previous-working-day back to the last working day before the holiday', () => {
    const schedule = compileSchedule(
      definitionWith(
        [
          measure('before-holiday', { kind: 'fixed', date: '2022-10-03' }, { holidayRule: 'previous-working-day' }),
          measure('after-holiday', { kind: 'fixed', date: '2022-10-03' }),
          measure('as-written', { kind: 'fixed', date: '2022-10-03' }, { holidayRule: 'keep' }),
        ],
        { policy: { holidayRule: 'next-working-day' } },
      ),
    );
    expect(dueOn(schedule, 'before-holiday')).toBe('2022-09-30');
    expect(dueOn(schedule, 'after-holiday')).toBe('2022-10-08');
    expect(dueOn(schedule, 'as-written')).toBe('2022-10-03');
  });

  it('applies the plan policy to measures without a rule of their own', () => {
    const schedule = compileSchedule(
      definitionWith([measure('m', { kind: 'fixed', date: '2022-10-03' })], { policy: { holidayRule: 'previous-working-day' } }),
    );
    expect(dueOn(schedule, 'm')).toBe('2022-09-30');
  });

  it('agrees with the calendar for every day of a year, and never leaves a holiday in place', () => {
    const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10));
    for (const day of days) {
      const back = applyHolidayRule(day, 'previous-working-day');
      const forward = applyHolidayRule(day, 'next-working-day');
      expect(back <= day && day <= forward).toBe(true);
      expect(applyHolidayRule(back, 'next-working-day')).toBe(back);
      expect(applyHolidayRule(forward, 'previous-working-day')).toBe(forward);
    }
  });
});
