import data from '../../data/cn-holidays.json';
import { addDays, isWeekend } from '../local-date';
import { handTypedChinaHolidays as chinaHolidays } from './hand-typed-china-holidays';
import { createHolidayCalendar } from './holiday-calendar';

describe('the hand-typed China holiday table (data/cn-holidays.json)', () => {
  it('covers 2021 to 2026', () => {
    expect(chinaHolidays.coveredYears).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('has the 2021 Spring Festival 11–17 February with make-up days 7 and 20 February', () => {
    for (let day = '2021-02-11'; day <= '2021-02-17'; day = addDays(day, 1)) expect(chinaHolidays.holidayOn(day)).toBe('春节');
    expect(chinaHolidays.holidayOn('2021-02-10')).toBeUndefined();
    expect(chinaHolidays.holidayOn('2021-02-18')).toBeUndefined();
    expect(chinaHolidays.isMakeUpWorkingDay('2021-02-07')).toBe(true);
    expect(chinaHolidays.isMakeUpWorkingDay('2021-02-20')).toBe(true);
  });

  it('puts the 2023 New Year break on 31 December 2022', () => {
    expect(chinaHolidays.holidayOn('2022-12-31')).toBe('元旦');
  });

  it('has the merged Mid-Autumn and National Day breaks of 2023 and 2025', () => {
    expect(chinaHolidays.holidayOn('2023-09-29')).toBe('中秋节、国庆节');
    expect(chinaHolidays.holidayOn('2025-10-08')).toBe('国庆节、中秋节');
  });

  it('has the 2026 notice (published 2025-11-04)', () => {
    expect(chinaHolidays.holidayOn('2026-02-15')).toBe('春节');
    expect(chinaHolidays.holidayOn('2026-02-23')).toBe('春节');
    expect(chinaHolidays.isMakeUpWorkingDay('2026-01-04')).toBe(true);
    expect(chinaHolidays.isMakeUpWorkingDay('2026-09-20')).toBe(true);
  });

  /*
   * Every break must be paid for: the weekdays taken off equal the statutory holidays that
   * fall on weekdays (or are moved onto one) plus the weekend days worked. Statutory days
   * per festival: 3 for Spring Festival and National Day, 1 for the rest (until 2024);
   * from 2025, 4 for Spring Festival and 2 for Labour Day.
   */
  const statutoryDays = (name: string, year: number): number => {
    const modern = year >= 2025;
    const perFestival: Record<string, number> = {
      元旦: 1, 春节: modern ? 4 : 3, 清明节: 1, 劳动节: modern ? 2 : 1, 端午节: 1, 中秋节: 1, 国庆节: 3,
    };
    return name.split('、').reduce((sum, part) => sum + perFestival[part], 0);
  };

  it.each(data.years.flatMap((y) => y.holidays.map((h) => [y.year, h.name, h] as const)))(
    '%i %s: weekdays off = statutory days + make-up days',
    (year, name, holiday) => {
      let weekdaysOff = 0;
      for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) if (!isWeekend(day)) weekdaysOff++;
      expect(weekdaysOff).toBe(statutoryDays(name, year) + holiday.makeUpWorkingDays.length);
      for (const day of holiday.makeUpWorkingDays) expect(isWeekend(day)).toBe(true);
    },
  );
});

describe('createHolidayCalendar', () => {
  const minimal = { country: 'X', name: 'test', source: 'test', years: [] as unknown[] };

  it('rejects a make-up working day that is a weekday', () => {
    const year = { year: 2022, notice: 'n', holidays: [{ name: 'h', nameEn: 'h', from: '2022-10-01', to: '2022-10-07', makeUpWorkingDays: ['2022-10-10'] }] };
    expect(() => createHolidayCalendar({ ...minimal, years: [year] })).toThrow(/weekend/);
  });

  it('rejects a break that ends before it starts and a year listed twice', () => {
    const broken = { year: 2022, notice: 'n', holidays: [{ name: 'h', nameEn: 'h', from: '2022-10-07', to: '2022-10-01' }] };
    expect(() => createHolidayCalendar({ ...minimal, years: [broken] })).toThrow();
    const empty = { year: 2022, notice: 'n', holidays: [] };
    expect(() => createHolidayCalendar({ ...minimal, years: [empty, empty] })).toThrow(/twice/);
  });
});
