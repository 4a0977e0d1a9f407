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

export const addDays = (date: LocalDate, days: number): LocalDate =>
  formatLocalDate(parseLocalDate(date).plus({ days }));

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: LocalDate): number => parseLocalDate(date).weekday;

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
