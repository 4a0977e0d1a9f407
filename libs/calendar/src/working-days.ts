import { addDays, isWeekend, type LocalDate } from './local-date';
import type { HolidayCalendar } from './holidays/holiday-calendar';
import { chinaHolidays } from './holidays/china-holidays';

/** What to do with a deadline that falls on a day off. */
/** keep: the date as written; next-working-day: 顺延; previous-working-day: 提前 ("3月5日前" met on the last working day before a holiday). */
export type HolidayRule = 'keep' | 'next-working-day' | 'previous-working-day';

export const isWorkingDay = (date: LocalDate, calendar: HolidayCalendar = chinaHolidays): boolean => {
  if (calendar.holidayOn(date) !== undefined) return false;
  return !isWeekend(date) || calendar.isMakeUpWorkingDay(date);
};

/** The day itself when it is a working day, else the first working day after it. */
export const nextWorkingDay = (date: LocalDate, calendar: HolidayCalendar = chinaHolidays): LocalDate => {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
};

export const previousWorkingDay = (date: LocalDate, calendar: HolidayCalendar = chinaHolidays): LocalDate => {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, -1);
  return day;
};

/**
 * The n-th working day after a date (before it, for negative n), not counting the date
 * itself; n = 0 returns the date unchanged.
 */
export const addWorkingDays = (date: LocalDate, n: number, calendar: HolidayCalendar = chinaHolidays): LocalDate => {
  if (!Number.isInteger(n)) throw new Error(`addWorkingDays needs a whole number of days, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) remaining--;
  }
  return day;
};

/**
 * Signed number of addWorkingDays steps from one day to another: the working days in
 * (from, to] going forward, or minus those in [to, from) going back.
 */
export const countWorkingDays = (from: LocalDate, to: LocalDate, calendar: HolidayCalendar = chinaHolidays): number => {
  const [first, last, sign] = to >= from ? [addDays(from, 1), to, 1] : [to, addDays(from, -1), -1];
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) count++;
  return count === 0 ? 0 : sign * count;
};

export const applyHolidayRule = (date: LocalDate, rule: HolidayRule, calendar: HolidayCalendar = chinaHolidays): LocalDate =>
  rule === 'keep' ? date : rule === 'previous-working-day' ? previousWorkingDay(date, calendar) : nextWorkingDay(date, calendar);
