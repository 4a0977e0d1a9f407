import { RRule } from 'rrule';
import { dayOf, monthOf, type DateSpan, type LocalDate } from './local-date';
import { makeRule, occurrencesWithin } from './rrule-dates';

/** A day of month, or "end" for the month's last day ("每年11月底前" = by the end of November). */
export type DayOfMonth = number | 'end';

/*
 * A day beyond a month's length (31 November, 29 February in a common year) means the
 * month's last day: "by 29 February" still recurs every year. rrule expresses that as
 * "the last of the candidate days 28…day that exist" (BYMONTHDAY + BYSETPOS=-1).
 */
const clampedMonthDays = (day: DayOfMonth): { bymonthday: number[]; bysetpos?: number[] } => {
  if (day === 'end') return { bymonthday: [-1] };
  if (day <= 28) return { bymonthday: [day] };
  const candidates: number[] = [];
  for (let d = 28; d <= day; d++) candidates.push(d);
  return { bymonthday: candidates, bysetpos: [-1] };
};

/** Every year on a month/day, the dates that fall inside the span. */
export const yearlyOnMonthDay = (month: number, day: DayOfMonth, span: DateSpan): LocalDate[] => {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month must be 1…12, got ${month}`);
  if (day !== 'end' && (!Number.isInteger(day) || day < 1 || day > 31)) throw new Error(`day must be 1…31 or "end", got ${day}`);
  const rule = makeRule(
    { freq: RRule.YEARLY, bymonth: [month], ...clampedMonthDays(day) },
    `${span.start.slice(0, 4)}-01-01`,
  );
  return occurrencesWithin(rule, span);
};

/** Once every N years counted from a first date, the dates that fall inside the span. */
export const everyNYears = (first: LocalDate, everyYears: number, span: DateSpan): LocalDate[] => {
  if (!Number.isInteger(everyYears) || everyYears < 1) throw new Error(`everyYears must be a positive integer, got ${everyYears}`);
  const rule = makeRule(
    { freq: RRule.YEARLY, interval: everyYears, bymonth: [monthOf(first)], ...clampedMonthDays(dayOf(first)) },
    `${first.slice(0, 4)}-01-01`,
  );
  return occurrencesWithin(rule, span);
};
