import fc from 'fast-check';
import { getLunarDate } from 'chinese-days';
import { addDays } from './local-date';
import { lunarDatesWithin, lunarFestivals, lunarNewYear, lunarOccurrencesWithin, solarDateOfLunar, solarTermDate, solarTermDatesWithin } from './lunar-calendar';

/** The dates as published (State Council holiday notices name them; the almanac agrees). */
const known = {
  'spring-festival': { 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17' },
  'dragon-boat': { 2020: '2020-06-25', 2021: '2021-06-14', 2022: '2022-06-03', 2023: '2023-06-22', 2024: '2024-06-10', 2025: '2025-05-31', 2026: '2026-06-19' },
  'mid-autumn': { 2020: '2020-10-01', 2021: '2021-09-21', 2022: '2022-09-10', 2023: '2023-09-29', 2024: '2024-09-17', 2025: '2025-10-06', 2026: '2026-09-25' },
} as const;

describe('lunar festivals (chinese-days)', () => {
  for (const [festival, years] of Object.entries(known) as [keyof typeof known, Record<number, string>][]) {
    it(`${festival} falls on its published dates 2020–2026`, () => {
      const { month, day } = lunarFestivals[festival];
      for (const [year, date] of Object.entries(years)) expect([year, solarDateOfLunar(Number(year), month, day)]).toEqual([year, date]);
    });
  }

  it('lists a festival in every year of a span, and only inside it', () => {
    expect(lunarDatesWithin(5, 5, { start: '2021-09-01', end: '2024-08-31' })).toEqual(['2022-06-03', '2023-06-22', '2024-06-10']);
  });

  it('keys 腊八 by lunar year: 2022 holds two of them (lunar years 2021 and 2022)', () => {
    expect(lunarOccurrencesWithin(12, 8, { start: '2022-01-01', end: '2022-12-31' })).toEqual([
      { lunarYear: 2021, date: '2022-01-10' },
      { lunarYear: 2022, date: '2022-12-30' },
    ]);
  });

  it('reads day 30 of a 29-day month as its last day (the library alone would read lunar 2-30 as 2 March)', () => {
    // Lunar 2023: the second month has 30 days, then comes the leap second month; the third month has 29 days.
    expect(solarDateOfLunar(2023, 2, 30)).toBe('2023-03-21');
    expect(solarDateOfLunar(2023, 3, 29)).toBe('2023-05-18');
    expect(solarDateOfLunar(2023, 3, 30)).toBe('2023-05-18');
  });

  it('refuses years the tables do not cover and impossible lunar days', () => {
    expect(() => solarDateOfLunar(1850, 1, 1)).toThrow('lunar dates are known for');
    expect(() => solarDateOfLunar(2024, 13, 1)).toThrow('lunar month');
    expect(() => solarDateOfLunar(2024, 1, 31)).toThrow('lunar day');
  });
});

describe('solar terms (chinese-days)', () => {
  it('gives 清明 on its published dates', () => {
    const qingming = { 2020: '2020-04-04', 2021: '2021-04-04', 2022: '2022-04-05', 2023: '2023-04-05', 2024: '2024-04-04', 2025: '2025-04-04', 2026: '2026-04-05' };
    for (const [year, date] of Object.entries(qingming)) expect(solarTermDate(Number(year), 'qingming')).toBe(date);
  });

  it('gives 冬至 and 立春 of 2024', () => {
    expect(solarTermDate(2024, 'winter-solstice')).toBe('2024-12-21');
    expect(solarTermDate(2024, 'start-of-spring')).toBe('2024-02-04');
  });

  it('lists a term in every year of a span', () => {
    expect(solarTermDatesWithin('qingming', { start: '2021-09-01', end: '2024-08-31' })).toEqual(['2022-04-05', '2023-04-05', '2024-04-04']);
  });
});

describe('lunar dates agree with the library\'s lunar reading of every day (property)', () => {
  it('solarDateOfLunar inverts chinese-days\' getLunarDate on days of ordinary months, 1901–2098', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 72_000 }), (n) => {
        const day = addDays('1901-03-01', n);
        const lunar = getLunarDate(day);
        fc.pre(!lunar.isLeap);
        expect(solarDateOfLunar(lunar.lunarYear, lunar.lunarMon, lunar.lunarDay)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same dates whatever the process time zone (the library alone does not)', () => {
    const before = process.env.TZ;
    const answers = () => [solarDateOfLunar(2020, 5, 5), lunarNewYear(2033), solarTermDate(2024, 'qingming'), solarTermDate(2021, 'winter-solstice')];
    const inUtc = answers();
    try {
      for (const zone of ['America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati', 'America/Sao_Paulo']) {
        process.env.TZ = zone;
        expect([zone, ...answers()]).toEqual([zone, ...inUtc]);
      }
    } finally {
      process.env.TZ = before;
    }
    expect(inUtc).toEqual(['2020-06-25', '2033-01-31', '2024-04-04', '2021-12-21']);
  });
});
