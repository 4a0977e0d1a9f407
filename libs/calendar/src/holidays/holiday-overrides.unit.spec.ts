import { isWorkingDay, nextWorkingDay } from '../working-days';
import { chinaHolidays } from './china-holidays';
import { withHolidayOverrides } from './holiday-overrides';

describe('withHolidayOverrides: a deployer file over chinese-days', () => {
  const file = withHolidayOverrides(
    chinaHolidays,
    [
      { date: '2027-02-08', kind: 'holiday', name: '春节', notice: 'n' },
      { date: '2027-02-09', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'working-day', name: '春节' }, // a Saturday worked
      { date: '2024-10-01', kind: 'working-day', name: '测试' }, // a day off cancelled
    ],
    'holidays.yaml',
  );

  it('given a year chinese-days lacks, when the file lists days of it, then they count and the year is covered', () => {
    expect(chinaHolidays.coversYear(2027)).toBe(false);
    expect(file.coversYear(2027)).toBe(true);
    expect(file.holidayOn('2027-02-08')).toBe('春节');
    expect(nextWorkingDay('2027-02-08', file)).toBe('2027-02-10');
    expect(isWorkingDay('2027-02-20', file)).toBe(true);
    expect(isWorkingDay('2027-02-21', file)).toBe(false); // an unlisted Sunday stays a weekend
  });

  it('given a covered year, a listed day overrides chinese-days and the rest is unchanged', () => {
    expect(isWorkingDay('2024-10-01', chinaHolidays)).toBe(false);
    expect(isWorkingDay('2024-10-01', file)).toBe(true);
    expect(isWorkingDay('2024-10-02', file)).toBe(false);
    expect(file.isMakeUpWorkingDay('2024-09-29')).toBe(chinaHolidays.isMakeUpWorkingDay('2024-09-29'));
  });

  it('names the file in the calendar, and an empty file is the base itself', () => {
    expect(file.name).toBe(`${chinaHolidays.name}, with holidays.yaml`);
    expect(withHolidayOverrides(chinaHolidays, [], 'empty.yaml')).toBe(chinaHolidays);
  });
});
