import { addDays } from '../local-date';
import { isWorkingDay } from '../working-days';
import { chinaHolidays } from './china-holidays';
import { handTypedChinaHolidays } from './hand-typed-china-holidays';

// Issue #13 item 6: working days come from the chinese-days package (1.5.7, MIT), which carries the
// State Council notices from 2004. Our hand-typed table of 2021–2026 (data/cn-holidays.json) stays
// as an independent witness: on every day it covers, both must say the same.
describe('the holiday table from chinese-days against our hand-typed table', () => {
  it.each([2021, 2022, 2023, 2024, 2025, 2026].map((y) => [y]))('agrees on every day of %i: working or not, and the holiday', (year) => {
    const disagreements: string[] = [];
    for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
      const ours = isWorkingDay(day, handTypedChinaHolidays);
      const theirs = isWorkingDay(day, chinaHolidays);
      if (ours !== theirs) disagreements.push(`${day}: hand-typed ${ours ? 'working' : 'off'}, chinese-days ${theirs ? 'working' : 'off'}`);
      // A merged break is one name in our table (中秋节、国庆节), one festival per day in theirs.
      const holiday = handTypedChinaHolidays.holidayOn(day);
      const theirHoliday = chinaHolidays.holidayOn(day);
      if (holiday !== undefined && theirHoliday !== undefined && !holiday.split('、').includes(theirHoliday)) disagreements.push(`${day}: ${holiday} vs ${theirHoliday}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('covers every year from 2004 to 2026', () => {
    expect(chinaHolidays.coveredYears[0]).toBe(2004);
    expect(chinaHolidays.coveredYears).toEqual(expect.arrayContaining([2021, 2022, 2023, 2024, 2025, 2026]));
    expect(chinaHolidays.coveredYears).toEqual([...new Set(chinaHolidays.coveredYears)].sort((a, b) => a - b));
    expect(chinaHolidays.coversYear(2003)).toBe(false);
  });

  it('knows a year our table never had: 2015, with the one-off 3 September', () => {
    expect(chinaHolidays.holidayOn('2015-09-03')).toBeDefined();
    expect(isWorkingDay('2015-09-06', chinaHolidays)).toBe(true); // a Sunday worked for it
    expect(chinaHolidays.holidayOn('2015-10-01')).toBe('国庆节');
  });
});
