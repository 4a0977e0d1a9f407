import { RRule, type Weekday as RRuleWeekday } from 'rrule';
import { addDays, dayOf, isoWeekday, lastDayOfMonth, monthOf, yearOf, type DateSpan, type LocalDate } from './local-date';
import { makeRule, occurrencesWithin } from './rrule-dates';
import type { HolidayCalendar } from './holidays/holiday-calendar';
import { isWorkingDay, previousWorkingDay } from './working-days';

export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const rruleWeekdays: Record<WeekdayName, RRuleWeekday> = {
  mon: RRule.MO, tue: RRule.TU, wed: RRule.WE, thu: RRule.TH, fri: RRule.FR, sat: RRule.SA, sun: RRule.SU,
};
export const isoWeekdayOf: Record<WeekdayName, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Every working day (holidays off, make-up working days on) inside the span. */
export const workingDaysWithin = (span: DateSpan, calendar: HolidayCalendar): LocalDate[] => {
  const days: LocalDate[] = [];
  for (let day = span.start; day <= span.end; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) days.push(day);
  return days;
};

/** Every given weekday inside the span. */
export const weeklyOn = (weekday: WeekdayName, span: DateSpan): LocalDate[] => {
  const days: LocalDate[] = [];
  const first = addDays(span.start, (isoWeekdayOf[weekday] - isoWeekday(span.start) + 7) % 7);
  for (let day = first; day <= span.end; day = addDays(day, 7)) days.push(day);
  return days;
};

/**
 * Every month on a day (a day past the month's end means its last day), on its last day, or on
 * its last working day, inside the span.
 */
export const monthlyOn = (day: number | 'end' | 'last-working-day', span: DateSpan, calendar: HolidayCalendar): LocalDate[] => {
  const days: LocalDate[] = [];
  for (let year = yearOf(span.start), month = monthOf(span.start); `${year}-${String(month).padStart(2, '0')}` <= span.end.slice(0, 7); ) {
    const last = lastDayOfMonth(year, month);
    const date =
      day === 'end' ? last : day === 'last-working-day' ? previousWorkingDay(last, calendar) : day >= dayOf(last) ? last : `${last.slice(0, 8)}${String(day).padStart(2, '0')}`;
    if (date >= span.start && date <= span.end) days.push(date);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return days;
};

/** Every year on the nth weekday of a month (nth -1: the last), e.g. the second Sunday of May. */
export const yearlyOnNthWeekday = (month: number, nth: number, weekday: WeekdayName, span: DateSpan): LocalDate[] => {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month must be 1…12, got ${month}`);
  if (!(nth === -1 || (Number.isInteger(nth) && nth >= 1 && nth <= 5))) throw new Error(`nth must be 1…5 or -1, got ${nth}`);
  const rule = makeRule({ freq: RRule.YEARLY, bymonth: [month], byweekday: [rruleWeekdays[weekday].nth(nth)] }, `${span.start.slice(0, 4)}-01-01`);
  return occurrencesWithin(rule, span);
};
