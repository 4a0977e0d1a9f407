import {
  addDays,
  lunarOccurrencesWithin,
  lunarFestivals,
  monthlyOn,
  periodKey,
  solarTermDatesWithin,
  weeklyOn,
  workingDaysWithin,
  yearlyOnNthWeekday,
  type DateSpan,
  type LocalDate,
} from '@planledger/calendar';
import type { DailyDeadline, LunarDeadline, MonthlyDeadline, NthWeekdayDeadline, SolarTermDeadline, WeeklyDeadline } from '@planledger/plan-definition';
import type { ActiveWindows } from './active-windows';
import { issueDayFor, type DueDateContext } from './due-date-context';
import type { DueDate } from './due-dates';

export type RecurringDeadline = DailyDeadline | WeeklyDeadline | MonthlyDeadline | NthWeekdayDeadline | LunarDeadline | SolarTermDeadline;

/** The yearly kinds may be shifted by an offset: look a little beyond the windows so none is missed. */
const widened = (span: DateSpan, days: number): DateSpan => ({ start: addDays(span.start, -Math.abs(days)), end: addDays(span.end, Math.abs(days)) });

/**
 * Recurring deadlines: one obligation per occurrence inside the duty's windows.
 * - daily (working days) and weekly: issued at the start of their day, or the day after the
 *   previous occurrence (a week), so one is open at a time; reminders dated before the issue
 *   are not sent (give such duties short reminders, e.g. daysBefore: [1]);
 * - monthly: issued the day after the previous month's occurrence (the first one when its
 *   window opens);
 * - yearly kinds (nth weekday of a month, lunar festivals, solar terms): issued on 1 January of
 *   the due date's year, or earlier for the first reminder, never before the window opens.
 * Keys: the day (`2024-05-06`) for daily, ISO week for weekly, month for monthly, year for yearly.
 */
export const recurringDueDatesOf = (deadline: RecurringDeadline, windows: ActiveWindows, context: DueDateContext): DueDate[] => {
  const inWindows = (dates: LocalDate[]): LocalDate[] => dates.filter((d) => windows.contains(d));
  switch (deadline.kind) {
    case 'daily':
      return inWindows(workingDaysWithin(windows.hull, context.holidays)).map((dueOn) => ({ periodKey: dueOn, dueOn, issueOn: dueOn, requiredCount: 1 }));
    case 'weekly':
      return inWindows(weeklyOn(deadline.weekday, windows.hull)).map((dueOn) => ({
        periodKey: periodKey('week', dueOn),
        dueOn,
        issueOn: issueDayFor(addDays(dueOn, -6), dueOn, windows, 0),
        requiredCount: 1,
      }));
    case 'monthly': {
      const dates = monthlyOn(deadline.day, { start: addDays(windows.hull.start, -31), end: windows.hull.end }, context.holidays);
      return dates.flatMap((dueOn, i) => {
        if (!windows.contains(dueOn)) return [];
        const previous = dates[i - 1];
        const periodStart = previous === undefined ? windows.hull.start : addDays(previous, 1);
        return [{ periodKey: dueOn.slice(0, 7), dueOn, issueOn: issueDayFor(periodStart, dueOn, windows, 0), requiredCount: 1 }];
      });
    }
    case 'nth-weekday':
    case 'lunar':
    case 'solar-term': {
      const offset = deadline.offsetDays ?? 0;
      const search = widened(windows.hull, offset);
      // Keyed by year: the Gregorian one, or for lunar days the lunar year (腊八 may come twice in one Gregorian year).
      const days: { key: string; day: LocalDate }[] =
        deadline.kind === 'nth-weekday'
          ? yearlyOnNthWeekday(deadline.month, deadline.nth, deadline.weekday, search).map((day) => ({ key: day.slice(0, 4), day }))
          : deadline.kind === 'solar-term'
            ? solarTermDatesWithin(deadline.term, search).map((day) => ({ key: day.slice(0, 4), day }))
            : lunarOccurrencesWithin(
                deadline.festival ? lunarFestivals[deadline.festival].month : (deadline.lunarMonth as number),
                deadline.festival ? lunarFestivals[deadline.festival].day : (deadline.lunarDay as number),
                search,
              ).map(({ lunarYear, date }) => ({ key: String(lunarYear), day: date }));
      return days.flatMap(({ key, day }) => {
        const dueOn = addDays(day, offset);
        if (!windows.contains(dueOn)) return [];
        return [{ periodKey: key, dueOn, issueOn: issueDayFor(`${dueOn.slice(0, 4)}-01-01`, dueOn, windows, context.firstReminderDays), requiredCount: 1 }];
      });
    }
  }
};
