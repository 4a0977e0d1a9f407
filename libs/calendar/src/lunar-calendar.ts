import { getSolarTermDate, getYearLeapMonth, monthDays } from 'chinese-days';
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

/** Our names of the 24 solar terms, chinese-days' keys for them, and the month each falls in (two a month, from 小寒 in January). */
export const solarTerms = {
  'minor-cold': { key: 'lesser_cold', month: 1 },
  'major-cold': { key: 'greater_cold', month: 1 },
  'start-of-spring': { key: 'the_beginning_of_spring', month: 2 },
  'rain-water': { key: 'rain_water', month: 2 },
  'awakening-of-insects': { key: 'the_waking_of_insects', month: 3 },
  'spring-equinox': { key: 'the_spring_equinox', month: 3 },
  qingming: { key: 'pure_brightness', month: 4 },
  'grain-rain': { key: 'grain_rain', month: 4 },
  'start-of-summer': { key: 'the_beginning_of_summer', month: 5 },
  'grain-full': { key: 'lesser_fullness_of_grain', month: 5 },
  'grain-in-ear': { key: 'grain_in_beard', month: 6 },
  'summer-solstice': { key: 'the_summer_solstice', month: 6 },
  'minor-heat': { key: 'lesser_heat', month: 7 },
  'major-heat': { key: 'greater_heat', month: 7 },
  'start-of-autumn': { key: 'the_beginning_of_autumn', month: 8 },
  'end-of-heat': { key: 'the_end_of_heat', month: 8 },
  'white-dew': { key: 'white_dew', month: 9 },
  'autumn-equinox': { key: 'the_autumn_equinox', month: 9 },
  'cold-dew': { key: 'code_dew', month: 10 },
  'frost-descent': { key: 'frost_descent', month: 10 },
  'start-of-winter': { key: 'the_beginning_of_winter', month: 11 },
  'minor-snow': { key: 'lesser_snow', month: 11 },
  'major-snow': { key: 'greater_snow', month: 12 },
  'winter-solstice': { key: 'the_winter_solstice', month: 12 },
} as const;
export type SolarTermName = keyof typeof solarTerms;

/**
 * The library formats the UTC midnight of the day it computed with local-time getters: west of
 * Greenwich that names the day before. The day meant is the one whose UTC midnight, read in
 * local time, gives the string.
 */
const dayNamedLocally = (named: LocalDate): LocalDate => {
  const localName = (day: LocalDate): LocalDate => {
    const at = new Date(Date.parse(`${day}T00:00:00Z`));
    return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  };
  return [named, addDays(named, 1), addDays(named, -1)].find((day) => localName(day) === named) ?? named;
};

const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;
const checkYear = (year: number): void => {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new Error(`lunar dates are known for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
};

/*
 * chinese-days computes Gregorian dates with the process's local-time Date methods, so its
 * getSolarDateFromLunar answers differently in a zone west of Greenwich or across a DST change
 * (2020's 端午 came out a month early under America/New_York). A schedule must not depend on
 * the server's zone: lunar dates are counted here in whole days from the library's own tables
 * (month lengths, leap months), from lunar 1900-01-01 = 1900-01-31; solar-term days are read
 * back from the library's string, which names the local day of the right UTC midnight.
 */
const LUNAR_EPOCH = '1900-01-31';
const lunarYearStarts = new Map<number, LocalDate>();

const leapOf = (year: number): { month: number; days: number } => {
  const leap = getYearLeapMonth(year);
  return { month: leap.leapMonth ?? 0, days: leap.days };
};

const lunarYearLength = (year: number): number => {
  let days = leapOf(year).days;
  for (let month = 1; month <= 12; month++) days += monthDays(year, month);
  return days;
};

/** The Gregorian date of lunar new year (正月初一) of a lunar year. */
export const lunarNewYear = (year: number): LocalDate => {
  checkYear(year);
  let known = lunarYearStarts.get(year);
  if (known === undefined) {
    let date = LUNAR_EPOCH;
    for (let y = 1900; y < year; y++) date = addDays(date, lunarYearLength(y));
    known = date;
    lunarYearStarts.set(year, known);
  }
  return known;
};

/**
 * The Gregorian date of a lunar month/day in a lunar year. Day 30 of a month of 29 days means
 * that month's last day; a leap month never counts (festivals keep the ordinary month).
 */
export const solarDateOfLunar = (year: number, lunarMonth: number, lunarDay: number): LocalDate => {
  checkYear(year);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new Error(`lunar month must be 1…12, got ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) throw new Error(`lunar day must be 1…30, got ${lunarDay}`);
  const leap = leapOf(year);
  let offset = 0;
  for (let month = 1; month < lunarMonth; month++) offset += monthDays(year, month) + (month === leap.month ? leap.days : 0);
  return addDays(lunarNewYear(year), offset + Math.min(lunarDay, monthDays(year, lunarMonth)) - 1);
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
  const { key, month } = solarTerms[term];
  return dayNamedLocally(getSolarTermDate(year, month, key));
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
