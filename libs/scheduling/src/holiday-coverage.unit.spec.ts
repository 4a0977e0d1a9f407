import { compileSchedule } from './compile-schedule';
import { uncoveredDueDates } from './holiday-coverage';
import { definitionWith, measure } from './testing/plan-fixture';

// Issue #13 item 6: validate names the deadlines in years the holiday table does not cover.
describe('uncoveredDueDates', () => {
  const plan = definitionWith([measure('annual', { kind: 'yearly', month: 11, day: 'end' })]);

  it('is undefined when the table covers every due date (2021–2024 plan, table 2021–2026)', () => {
    expect(uncoveredDueDates(compileSchedule(plan))).toBeUndefined();
  });

  it('names the years and the dates outside the table, once each, in order', () => {
    const table = { name: 'test', coveredYears: [2021, 2022], holidayOn: () => undefined, isMakeUpWorkingDay: () => false, coversYear: (y: number) => y <= 2022 };
    expect(uncoveredDueDates(compileSchedule(plan, { holidays: table }))).toEqual({ years: [2023], dates: ['2023-11-30'] });
  });
});
