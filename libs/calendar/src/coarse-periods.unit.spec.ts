import fc from 'fast-check';
import { dekadSpan, halfYearSpan, monthSpan } from './coarse-periods';
import { addDays } from './local-date';

describe('monthSpan (本月, 3月份)', () => {
  it('runs from the first to the last day of the month, whatever its length', () => {
    expect(monthSpan('2024-03')).toEqual({ start: '2024-03-01', end: '2024-03-31' });
    expect(monthSpan('2024-04')).toEqual({ start: '2024-04-01', end: '2024-04-30' });
    expect(monthSpan('2023-12')).toEqual({ start: '2023-12-01', end: '2023-12-31' });
  });

  it('ends February on the 29th in leap years only (2000 leap, 2100 not)', () => {
    expect(monthSpan('2024-02').end).toBe('2024-02-29');
    expect(monthSpan('2023-02').end).toBe('2023-02-28');
    expect(monthSpan('2000-02').end).toBe('2000-02-29');
    expect(monthSpan('2100-02').end).toBe('2100-02-28');
  });

  it('refuses what is not a month', () => {
    expect(() => monthSpan('2024-13')).toThrow('not a calendar month');
    expect(() => monthSpan('2024-3')).toThrow('not a calendar month');
  });
});

describe('dekadSpan (上旬 / 中旬 / 下旬)', () => {
  it('splits a month into 1–10, 11–20 and 21 to the end', () => {
    expect(dekadSpan('2024-03', 'early')).toEqual({ start: '2024-03-01', end: '2024-03-10' });
    expect(dekadSpan('2024-03', 'mid')).toEqual({ start: '2024-03-11', end: '2024-03-20' });
    expect(dekadSpan('2024-03', 'late')).toEqual({ start: '2024-03-21', end: '2024-03-31' });
    expect(dekadSpan('2024-04', 'late')).toEqual({ start: '2024-04-21', end: '2024-04-30' });
  });

  it('gives February a short last dekad: 8 days, or 9 in a leap year', () => {
    expect(dekadSpan('2023-02', 'late')).toEqual({ start: '2023-02-21', end: '2023-02-28' });
    expect(dekadSpan('2024-02', 'late')).toEqual({ start: '2024-02-21', end: '2024-02-29' });
    expect(dekadSpan('2100-02', 'late')).toEqual({ start: '2100-02-21', end: '2100-02-28' });
  });

  it('covers every day of any month exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        const [early, mid, late] = (['early', 'mid', 'late'] as const).map((d) => dekadSpan(key, d));
        expect(early.start).toBe(monthSpan(key).start);
        expect(mid.start).toBe(addDays(early.end, 1));
        expect(late.start).toBe(addDays(mid.end, 1));
        expect(late.end).toBe(monthSpan(key).end);
      }),
    );
  });
});

describe('halfYearSpan (上半年 / 下半年)', () => {
  it('runs January–June and July–December', () => {
    expect(halfYearSpan(2024, 'first')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(halfYearSpan(2024, 'second')).toEqual({ start: '2024-07-01', end: '2024-12-31' });
  });
});
