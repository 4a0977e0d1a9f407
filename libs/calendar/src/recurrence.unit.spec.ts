import { everyNYears, yearlyOnMonthDay } from './recurrence';

const plan = { start: '2021-09-01', end: '2024-08-31' };

describe('yearlyOnMonthDay', () => {
  it('gives every "by the end of November" inside the plan', () => {
    expect(yearlyOnMonthDay(11, 'end', plan)).toEqual(['2021-11-30', '2022-11-30', '2023-11-30']);
  });

  it('leaves out dates before the span opens or after it closes', () => {
    expect(yearlyOnMonthDay(3, 5, plan)).toEqual(['2022-03-05', '2023-03-05', '2024-03-05']);
    expect(yearlyOnMonthDay(8, 31, plan)).toEqual(['2022-08-31', '2023-08-31', '2024-08-31']);
  });

  it('ends February on the 29th in leap years only', () => {
    expect(yearlyOnMonthDay(2, 'end', plan)).toEqual(['2022-02-28', '2023-02-28', '2024-02-29']);
  });

  it('reads a day past the month end as the month end', () => {
    expect(yearlyOnMonthDay(2, 29, plan)).toEqual(['2022-02-28', '2023-02-28', '2024-02-29']);
    expect(yearlyOnMonthDay(11, 31, plan)).toEqual(['2021-11-30', '2022-11-30', '2023-11-30']);
  });

  it('rejects impossible rules', () => {
    expect(() => yearlyOnMonthDay(13, 1, plan)).toThrow();
    expect(() => yearlyOnMonthDay(1, 0, plan)).toThrow();
  });
});

describe('everyNYears', () => {
  it('counts cycles from the first due date, including ones before the span', () => {
    expect(everyNYears('2019-12-31', 3, { start: '2021-09-01', end: '2026-08-31' })).toEqual(['2022-12-31', '2025-12-31']);
  });

  it('includes the first date when it is inside the span', () => {
    expect(everyNYears('2022-06-30', 1, plan)).toEqual(['2022-06-30', '2023-06-30', '2024-06-30']);
  });

  it('keeps a 29 February cycle on the last day of February in common years', () => {
    expect(everyNYears('2024-02-29', 1, { start: '2024-01-01', end: '2026-12-31' })).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });

  it('rejects a cycle of zero years', () => {
    expect(() => everyNYears('2022-01-01', 0, plan)).toThrow();
  });
});
