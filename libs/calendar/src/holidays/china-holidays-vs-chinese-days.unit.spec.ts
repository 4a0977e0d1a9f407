import { isWorkday } from 'chinese-days';
import { addDays } from '../local-date';
import { isWorkingDay } from '../working-days';
import { chinaHolidays } from './china-holidays';

// Issue #13 item 6: our hand-typed table (the State Council notices 2021–2026) against the
// maintained chinese-days package (1.5.7, MIT), which carries the notices from 2004. They must
// agree on every day the table covers: working day or not, make-up working days included.
describe('the China holiday table against chinese-days', () => {
  it.each(chinaHolidays.coveredYears.map((y) => [y]))('agrees on every day of %i', (year) => {
    const disagreements: string[] = [];
    for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
      const ours = isWorkingDay(day, chinaHolidays);
      if (ours !== isWorkday(day)) disagreements.push(`${day}: ours ${ours ? 'working' : 'off'}, chinese-days ${ours ? 'off' : 'working'}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('covers 2021 to 2026 at least', () => {
    expect(chinaHolidays.coveredYears).toEqual(expect.arrayContaining([2021, 2022, 2023, 2024, 2025, 2026]));
  });
});
