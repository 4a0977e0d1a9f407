import { addWorkingDays, endOfLocalDay, localDateOf, type HolidayCalendar } from '@planledger/calendar';
import type { WorkingDayTable } from '../schedule/plan-schedule';
import { DAY_MS, toMillis, type Instant } from '../shared/time';

/*
 * Offsets in working days from a date known only at run time (an outside event's, an acceptance's),
 * counted as the compiler counts `term` and `asap` offsets (addWorkingDays), with the holiday table
 * the compiler put in the schedule, so that every host and every replay counts the same days
 * whatever table the deployment has later (ADR 0020).
 */

const calendars = new WeakMap<WorkingDayTable, HolidayCalendar>();

/** The schedule's table as a HolidayCalendar (built once per table). */
function calendarOf(table: WorkingDayTable): HolidayCalendar {
  let calendar = calendars.get(table);
  if (!calendar) {
    const off = new Set(table.weekdaysOff);
    const makeUp = new Set(table.makeUpWorkingDays);
    const covered = new Set(table.coveredYears);
    calendar = {
      name: table.name,
      coveredYears: table.coveredYears,
      holidayOn: (date) => (off.has(date) ? 'holiday' : undefined),
      isMakeUpWorkingDay: (date) => makeUp.has(date),
      coversYear: (year) => covered.has(year),
    };
    calendars.set(table, calendar);
  }
  return calendar;
}

const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/**
 * An outside event's work: the end of the day `offset` working days from the event's local date
 * (negative: before it), as whole days from the end of the event's own day (`dayClosesAt`), the
 * way calendar-day offsets are counted.
 */
export function eventDueMs(date: string, dayClosesAt: Instant, offset: number, table: WorkingDayTable): number {
  const target = addWorkingDays(date, offset, calendarOf(table));
  return toMillis(dayClosesAt) + (dayNumber(target) - dayNumber(date)) * DAY_MS;
}

/** A follow-on: the end of the `offset`-th working day after the local day of the acceptance. */
export function followOnDueAt(acceptedAt: Instant, offset: number, table: WorkingDayTable): Instant {
  return endOfLocalDay(addWorkingDays(localDateOf(acceptedAt, table.timeZone), offset, calendarOf(table)), table.timeZone);
}
