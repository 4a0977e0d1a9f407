import { chinaHolidays } from './holidays/china-holidays';
import { isoWeekday } from './local-date';
import { monthlyOn, weeklyOn, workingDaysWithin, yearlyOnNthWeekday } from './recurring-days';

describe('workingDaysWithin (每个工作日)', () => {
  it('leaves out weekends and holidays and includes make-up working days', () => {
    // National Day 2023: 29 Sep – 6 Oct off; Saturday 7 and Sunday 8 October are make-up working days.
    expect(workingDaysWithin({ start: '2023-09-27', end: '2023-10-10' }, chinaHolidays)).toEqual([
      '2023-09-27', '2023-09-28', '2023-10-07', '2023-10-08', '2023-10-09', '2023-10-10',
    ]);
  });
});

describe('weeklyOn (每周五)', () => {
  it('gives every given weekday inside the span', () => {
    expect(weeklyOn('fri', { start: '2024-04-01', end: '2024-04-30' })).toEqual(['2024-04-05', '2024-04-12', '2024-04-19', '2024-04-26']);
    expect(weeklyOn('mon', { start: '2024-04-01', end: '2024-04-08' })).toEqual(['2024-04-01', '2024-04-08']);
  });

  it('gives only that weekday', () => {
    for (const day of weeklyOn('wed', { start: '2023-01-01', end: '2024-12-31' })) expect(isoWeekday(day)).toBe(3);
  });
});

describe('monthlyOn (每月10日前, 每月底, 每月最后一个工作日)', () => {
  const firstHalf2024 = { start: '2024-01-01', end: '2024-06-30' };

  it('reads a day past the month end as the month end (31 → 29 February in 2024, 28 in 2023)', () => {
    expect(monthlyOn(31, firstHalf2024, chinaHolidays)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']);
    expect(monthlyOn(30, { start: '2023-02-01', end: '2023-03-31' }, chinaHolidays)).toEqual(['2023-02-28', '2023-03-30']);
    expect(monthlyOn('end', { start: '2023-02-01', end: '2023-02-28' }, chinaHolidays)).toEqual(['2023-02-28']);
  });

  it('finds the last working day of each month, holidays included', () => {
    // September 2023 ends in the Mid-Autumn/National Day holiday (29–30 Sep): its last working day is the 28th.
    // March 2024 ends on a Sunday; June 2024 too.
    expect(monthlyOn('last-working-day', { start: '2023-09-01', end: '2023-12-31' }, chinaHolidays)).toEqual(['2023-09-28', '2023-10-31', '2023-11-30', '2023-12-29']);
    expect(monthlyOn('last-working-day', { start: '2024-03-01', end: '2024-06-30' }, chinaHolidays)).toEqual(['2024-03-29', '2024-04-30', '2024-05-31', '2024-06-28']);
  });

  it('keeps only the days inside the span', () => {
    expect(monthlyOn(10, { start: '2024-01-11', end: '2024-03-09' }, chinaHolidays)).toEqual(['2024-02-10']);
  });
});

describe('yearlyOnNthWeekday (5月第二个星期日)', () => {
  it('finds Mother\'s Day, the second Sunday of May', () => {
    expect(yearlyOnNthWeekday(5, 2, 'sun', { start: '2022-01-01', end: '2025-12-31' })).toEqual(['2022-05-08', '2023-05-14', '2024-05-12', '2025-05-11']);
  });

  it('finds the last weekday of a month with nth -1, and Father\'s Day (third Sunday of June)', () => {
    expect(yearlyOnNthWeekday(5, -1, 'mon', { start: '2024-01-01', end: '2024-12-31' })).toEqual(['2024-05-27']);
    expect(yearlyOnNthWeekday(6, 3, 'sun', { start: '2024-01-01', end: '2024-12-31' })).toEqual(['2024-06-16']);
  });

  it('skips years without a fifth such weekday', () => {
    // February 2024 has five Thursdays (1, 8, 15, 22, 29); February 2023 has four.
    expect(yearlyOnNthWeekday(2, 5, 'thu', { start: '2023-01-01', end: '2024-12-31' })).toEqual(['2024-02-29']);
  });
});
