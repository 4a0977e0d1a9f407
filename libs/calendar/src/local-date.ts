import { DateTime } from 'luxon';

/** A calendar day without a zone, written YYYY-MM-DD. Day arithmetic on it never meets DST. */
export type LocalDate = string;

/** An inclusive range of local days. */
export interface DateSpan {
  start: LocalDate;
  end: LocalDate;
}

/** Month and day of month, e.g. { month: 9, day: 1 } for 1 September. */
export interface MonthDay {
  month: number;
  day: number;
}

// Local dates are computed in UTC so that day arithmetic is pure calendar arithmetic.
const CALENDAR_ZONE = 'utc';

export const parseLocalDate = (date: LocalDate): DateTime => {
  const parsed = DateTime.fromISO(date, { zone: CALENDAR_ZONE });
  if (!parsed.isValid || date.length !== 10) throw new Error(`not a local date (YYYY-MM-DD): ${date}`);
  return parsed;
};

export const formatLocalDate = (date: DateTime): LocalDate => date.toISODate() as LocalDate;

export const localDate = (year: number, month: number, day: number): LocalDate => {
  const date = DateTime.fromObject({ year, month, day }, { zone: CALENDAR_ZONE });
  if (!date.isValid) throw new Error(`not a calendar date: ${year}-${month}-${day}`);
  return formatLocalDate(date);
};

/*
 * Day arithmetic is what compiling a schedule does most (every deadline walks working days), and
 * a luxon DateTime per step costs microseconds: a plain YYYY-MM-DD of years 1000–9999 is counted
 * in whole days since 1970-01-01 instead. Anything else (another ISO form, an invalid day) takes
 * luxon's way, with luxon's errors.
 */
const DAY_MS = 86_400_000;
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a plain YYYY-MM-DD naming a real day of years 1000–9999, else undefined. */
const dayNumberOf = (date: string): number | undefined => {
  const match = PLAIN_DAY.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
};

/** The YYYY-MM-DD of a day number, when its year has four digits. */
const plainDayOf = (dayNumber: number): LocalDate | undefined => {
  const text = new Date(dayNumber * DAY_MS).toISOString();
  return text.length === 24 && text[0] !== '0' ? text.slice(0, 10) : undefined;
};

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const dayNumber = Number.isInteger(days) ? dayNumberOf(date) : undefined;
  const fast = dayNumber === undefined ? undefined : plainDayOf(dayNumber + days);
  return fast ?? formatLocalDate(parseLocalDate(date).plus({ days }));
};

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (date: LocalDate): number => {
  const dayNumber = dayNumberOf(date);
  return dayNumber === undefined ? parseLocalDate(date).weekday : ((((dayNumber + 3) % 7) + 7) % 7) + 1;
};

export const isWeekend = (date: LocalDate): boolean => isoWeekday(date) >= 6;

export const lastDayOfMonth = (year: number, month: number): LocalDate =>
  formatLocalDate(DateTime.fromObject({ year, month, day: 1 }, { zone: CALENDAR_ZONE }).endOf('month'));

/** YYYY-MM-DD strings order like the days they name. */
export const compareLocalDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const minLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

export const isWithin = (date: LocalDate, span: DateSpan): boolean => date >= span.start && date <= span.end;

export const spansOverlap = (a: DateSpan, b: DateSpan): boolean => a.start <= b.end && b.start <= a.end;

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));
export const monthOf = (date: LocalDate): number => Number(date.slice(5, 7));
export const dayOf = (date: LocalDate): number => Number(date.slice(8, 10));
