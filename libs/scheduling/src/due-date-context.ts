import { addDays, maxLocalDate, minLocalDate, type HolidayCalendar, type LocalDate, type TermCalendar } from '@planledger/calendar';
import type { ActiveWindows } from './active-windows';

/**
 * What the deadline shapes of plan language v2 need beyond the duty's windows: the working-day
 * calendar (尽快, last working day, offsets in working days), the 校历, the plan's 尽快 policy, and
 * the duty's earliest reminder (coarse deadlines are issued early enough for it).
 */
export interface DueDateContext {
  holidays: HolidayCalendar;
  terms: TermCalendar;
  asapWorkingDays: number;
  /** Days before the due date of the duty's first reminder; 0 when it has none. */
  firstReminderDays: number;
}

/**
 * The issue day of a deadline that covers a period: the period's first day, or earlier when the
 * first reminder comes before that (issue no later than the earliest reminder), but never before
 * the duty's window opens nor after it closes (a deliverable is never issued after its own phase
 * has closed), and never after the due date.
 */
export const issueDayFor = (periodStart: LocalDate, dueOn: LocalDate, windows: ActiveWindows, firstReminderDays: number): LocalDate => {
  const forReminders = firstReminderDays > 0 ? minLocalDate(periodStart, addDays(dueOn, -firstReminderDays)) : periodStart;
  const notBeforeWindow = maxLocalDate(forReminders, windows.hull.start);
  return minLocalDate(minLocalDate(notBeforeWindow, windows.hull.end), dueOn);
};
