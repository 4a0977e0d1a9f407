import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, isoWeekday } from './local-date';

// addDays and isoWeekday count whole days on plain YYYY-MM-DD (local-date.ts); luxon is the reference.
const luxonDay = (date: string) => DateTime.fromISO(date, { zone: 'utc' });
const plainDate = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('local dates counted in whole days', () => {
  it('adds days as luxon does, across months, leap days and years', () => {
    fc.assert(
      fc.property(plainDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        expect(addDays(date, days)).toBe(luxonDay(date).plus({ days }).toISODate());
      }),
      { numRuns: 2000 },
    );
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });

  it('names the ISO weekday as luxon does', () => {
    fc.assert(fc.property(plainDate, (date) => expect(isoWeekday(date)).toBe(luxonDay(date).weekday)), { numRuns: 2000 });
    expect(isoWeekday('1970-01-01')).toBe(4); // a Thursday
    expect(isoWeekday('2022-11-27')).toBe(7); // a Sunday
  });

  it('leaves other ISO forms and the edges of the four-digit years to luxon', () => {
    expect(addDays('2021-W01-1', 1)).toBe('2021-01-05'); // an ISO week date
    expect(addDays('9999-12-31', 1)).toBe(luxonDay('9999-12-31').plus({ days: 1 }).toISODate());
    expect(isoWeekday('2021-W01-1')).toBe(1);
  });

  it('refuses a day that does not exist, as before', () => {
    for (const bad of ['2023-02-29', '2021-13-01', '2021-00-10', '2021-1-1', 'not a date']) {
      expect(() => addDays(bad, 1)).toThrow(`not a local date (YYYY-MM-DD): ${bad}`);
      expect(() => isoWeekday(bad)).toThrow(`not a local date (YYYY-MM-DD): ${bad}`);
    }
  });
});
