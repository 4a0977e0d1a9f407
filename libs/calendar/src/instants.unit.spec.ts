import { endOfLocalDay, isValidTimeZone, localDateOf, startOfLocalDay } from './instants';
import { addDays, lastDayOfMonth, localDate } from './local-date';

describe('instants in the plan zone', () => {
  it('ends a local day at its last millisecond in Asia/Shanghai', () => {
    expect(endOfLocalDay('2022-11-30', 'Asia/Shanghai')).toBe('2022-11-30T23:59:59.999+08:00');
    expect(startOfLocalDay('2021-09-01', 'Asia/Shanghai')).toBe('2021-09-01T00:00:00.000+08:00');
  });

  it('keeps +08:00 all year in Asia/Shanghai, which has no DST', () => {
    for (let month = 1; month <= 12; month++) {
      expect(endOfLocalDay(localDate(2023, month, 15), 'Asia/Shanghai')).toMatch(/\+08:00$/);
    }
  });

  it('follows the offset change on a DST day (America/New_York, 13 March 2022)', () => {
    expect(startOfLocalDay('2022-03-13', 'America/New_York')).toBe('2022-03-13T00:00:00.000-05:00');
    expect(endOfLocalDay('2022-03-13', 'America/New_York')).toBe('2022-03-13T23:59:59.999-04:00');
    const lengthMs = Date.parse(endOfLocalDay('2022-03-13', 'America/New_York')) - Date.parse(startOfLocalDay('2022-03-13', 'America/New_York'));
    expect(lengthMs).toBe(23 * 3_600_000 - 1);
  });

  it('maps an instant back to its local day', () => {
    expect(localDateOf('2022-11-30T16:00:00.000Z', 'Asia/Shanghai')).toBe('2022-12-01');
    expect(localDateOf('2022-11-30T23:59:59.999+08:00', 'Asia/Shanghai')).toBe('2022-11-30');
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => endOfLocalDay('2022-01-01', 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});

describe('local dates', () => {
  it('knows leap years at the end of February', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
  });

  it('refuses dates that do not exist', () => {
    expect(() => localDate(2023, 2, 29)).toThrow();
  });
});
