import fc from 'fast-check';
import { addDays } from './local-date';
import { weekendsOnlyCalendar } from './holidays/holiday-calendar';
import { addWorkingDays, applyHolidayRule, countWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay } from './working-days';

describe('working days in China', () => {
  it('treats public holidays as days off and make-up weekend days as working days', () => {
    expect(isWorkingDay('2021-10-01')).toBe(false); // National Day, Friday
    expect(isWorkingDay('2021-10-09')).toBe(true); // make-up Saturday
    expect(isWorkingDay('2021-10-10')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2022-10-08')).toBe(true); // make-up Saturday
    expect(isWorkingDay('2022-10-09')).toBe(true); // make-up Sunday
    expect(isWorkingDay('2022-11-30')).toBe(true);
  });

  it('moves a deadline across the whole National Day break', () => {
    expect(nextWorkingDay('2021-10-01')).toBe('2021-10-08');
    expect(nextWorkingDay('2022-10-01')).toBe('2022-10-08'); // the make-up Saturday right after the break
    expect(nextWorkingDay('2023-09-30')).toBe('2023-10-07'); // merged Mid-Autumn and National Day
    expect(nextWorkingDay('2025-10-05')).toBe('2025-10-09');
  });

  it('lands on a make-up Saturday when that is the next working day', () => {
    expect(nextWorkingDay('2021-02-17')).toBe('2021-02-18');
    expect(nextWorkingDay('2021-05-05')).toBe('2021-05-06');
    expect(addWorkingDays('2021-05-07', 1)).toBe('2021-05-08'); // Friday + 1 = make-up Saturday
    expect(addWorkingDays('2021-09-17', 1)).toBe('2021-09-18'); // Friday + 1 = make-up Saturday before Mid-Autumn
  });

  it('counts working days over Spring Festival', () => {
    expect(addWorkingDays('2021-02-10', 1)).toBe('2021-02-18');
    expect(addWorkingDays('2021-02-18', -1)).toBe('2021-02-10');
    expect(countWorkingDays('2021-02-10', '2021-02-20')).toBe(3); // 18, 19, and make-up Saturday 20
    expect(previousWorkingDay('2021-02-14')).toBe('2021-02-10');
  });

  it('applies the holiday rule to a deadline', () => {
    expect(applyHolidayRule('2022-10-01', 'keep')).toBe('2022-10-01');
    expect(applyHolidayRule('2022-10-01', 'next-working-day')).toBe('2022-10-08');
    expect(applyHolidayRule('2022-11-30', 'next-working-day')).toBe('2022-11-30');
  });

  it('uses weekends only with the weekends-only calendar', () => {
    expect(isWorkingDay('2021-10-01', weekendsOnlyCalendar)).toBe(true);
    expect(nextWorkingDay('2021-10-09', weekendsOnlyCalendar)).toBe('2021-10-11');
  });

  it('rejects fractional day counts', () => {
    expect(() => addWorkingDays('2022-01-01', 1.5)).toThrow();
  });
});

describe('working-day properties', () => {
  const day = fc.integer({ min: 0, max: 6 * 366 }).map((offset) => addDays('2020-12-01', offset));

  it('nextWorkingDay is a working day on or after the input, with no working day in between', () => {
    fc.assert(
      fc.property(day, (d) => {
        const next = nextWorkingDay(d);
        expect(isWorkingDay(next)).toBe(true);
        expect(next >= d).toBe(true);
        for (let between = d; between < next; between = addDays(between, 1)) expect(isWorkingDay(between)).toBe(false);
      }),
    );
  });

  it('addWorkingDays(n) then counting back gives n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (d, n) => {
        const moved = addWorkingDays(d, n);
        expect(countWorkingDays(d, moved)).toBe(n);
        if (n !== 0) expect(isWorkingDay(moved)).toBe(true);
      }),
    );
  });

  it('addWorkingDays composes', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (d, a, b) => {
        expect(addWorkingDays(addWorkingDays(d, a), b)).toBe(addWorkingDays(d, a + b));
      }),
    );
  });
});
