import { getSolarDateFromLunar, getSolarTerms, monthDays } from 'chinese-days';
import { addDays, type DateSpan, type LocalDate } from './local-date';

/*
 * Lunar dates and solar terms come from the chinese-days package (its tables cover 1900–2100),
 * not from astronomy of our own. Its functions take and give YYYY-MM-DD strings.
 */

/** Festivals of the lunar calendar by lunar month and day. */
export const lunarFestivals = {
  'spring-festival': { month: 1, day: 1 },
  lantern: { month: 1, day: 15 },
  'dragon-boat': { month: 5, day: 5 },
  qixi: { month: 7, day: 7 },
  'mid-autumn': { month: 8, day: 15 },
  'double-ninth': { month: 9, day: 9 },
  laba: { month: 12, day: 8 },
} as const;
export type LunarFestivalName = keyof typeof lunarFestivals;

/** Our names of the 24 solar terms, and chinese-days' keys for them. */
export const solarTermKeys = {
  'minor-cold': 'lesser_cold',
  'major-cold': 'greater_cold',
  'start-of-spring': 'the_beginning_of_spring',
  'rain-water': 'rain_water',
  'awakening-of-insects': 'the_waking_of_insects',
  'spring-equinox': 'the_spring_equinox',
  qingming: 'pure_brightness',
  'grain-rain': 'grain_rain',
  'start-of-summer': 'the_beginning_of_summer',
  'grain-full': 'lesser_fullness_of_grain',
  'grain-in-ear': 'grain_in_beard',
  'summer-solstice': 'the_summer_solstice',
  'minor-heat': 'lesser_heat',
  'major-heat': 'greater_heat',
  'start-of-autumn': 'the_beginning_of_autumn',
  'end-of-heat': 'the_end_of_heat',
  'white-dew': 'white_dew',
  'autumn-equinox': 'the_autumn_equinox',
  'cold-dew': 'code_dew',
  'frost-descent': 'frost_descent',
  'start-of-winter': 'the_beginning_of_winter',
  'minor-snow': 'lesser_snow',
  'major-snow': 'greater_snow',
  'winter-solstice': 'the_winter_solstice',
} as const;
export type SolarTermName = keyof typeof solarTermKeys;

const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;
const checkYear = (year: number): void => {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new Error(`lunar dates are known for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
};

/**
 * The Gregorian date of a lunar month/day in the lunar year that begins in `year`. Day 30 of a
 * month of 29 days means that month's last day; a leap month never counts (festivals keep the
 * ordinary month).
 */
export const solarDateOfLunar = (year: number, lunarMonth: number, lunarDay: number): LocalDate => {
  checkYear(year);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new Error(`lunar month must be 1…12, got ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) throw new Error(`lunar day must be 1…30, got ${lunarDay}`);
  const day = Math.min(lunarDay, monthDays(year, lunarMonth));
  // The library reads its argument as a Gregorian date first (lunar 2-30 would become 2 March):
  // ask for the month's first day and count on from it.
  const first = getSolarDateFromLunar(`${year}-${String(lunarMonth).padStart(2, '0')}-01`).date;
  return addDays(first, day - 1);
};

/** A lunar month/day in every lunar year, with that year, where its date falls inside the span. */
export const lunarOccurrencesWithin = (lunarMonth: number, lunarDay: number, span: DateSpan): { lunarYear: number; date: LocalDate }[] => {
  const found: { lunarYear: number; date: LocalDate }[] = [];
  // A lunar year starts in late January or February: its twelfth month may end in the next Gregorian year.
  for (let year = Number(span.start.slice(0, 4)) - 1; year <= Number(span.end.slice(0, 4)); year++) {
    const date = solarDateOfLunar(year, lunarMonth, lunarDay);
    if (date >= span.start && date <= span.end) found.push({ lunarYear: year, date });
  }
  return found;
};

/** A lunar month/day in every year whose date falls inside the span. */
export const lunarDatesWithin = (lunarMonth: number, lunarDay: number, span: DateSpan): LocalDate[] =>
  lunarOccurrencesWithin(lunarMonth, lunarDay, span).map(({ date }) => date);

/** The day of a solar term in a Gregorian year. */
export const solarTermDate = (year: number, term: SolarTermName): LocalDate => {
  checkYear(year);
  const key = solarTermKeys[term];
  const found = getSolarTerms(`${year}-01-01`, `${year}-12-31`).find((t) => t.term === key);
  if (found === undefined) throw new Error(`no solar term ${term} found in ${year}`);
  return found.date;
};

/** A solar term in every year, the days that fall inside the span. */
export const solarTermDatesWithin = (term: SolarTermName, span: DateSpan): LocalDate[] => {
  const dates: LocalDate[] = [];
  for (let year = Number(span.start.slice(0, 4)); year <= Number(span.end.slice(0, 4)); year++) {
    const date = solarTermDate(year, term);
    if (date >= span.start && date <= span.end) dates.push(date);
  }
  return dates;
};
