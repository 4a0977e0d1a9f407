import { addDays, isWeekend, localDate, type HolidayCalendar } from '@planledger/calendar';
import type { EventObligation, Obligation, WorkingDayTable } from '@planledger/domain';

/**
 * The holiday table as a schedule carries it for offsets counted in working days at run time
 * (ADR 0020): every covered year's weekdays off and weekend working days. Weekends need no list.
 */
export function workingDayTableOf(holidays: HolidayCalendar, timeZone: string): WorkingDayTable {
  const weekdaysOff: string[] = [];
  const makeUpWorkingDays: string[] = [];
  for (const year of holidays.coveredYears) {
    for (let day = localDate(year, 1, 1); day.startsWith(`${year}-`); day = addDays(day, 1)) {
      if (isWeekend(day)) {
        if (holidays.isMakeUpWorkingDay(day)) makeUpWorkingDays.push(day);
      } else if (holidays.holidayOn(day) !== undefined) weekdaysOff.push(day);
    }
  }
  return { name: holidays.name, timeZone, coveredYears: [...holidays.coveredYears], weekdaysOff, makeUpWorkingDays };
}

/** Whether some work hanging on an event or an acceptance counts its offset in working days. */
export function countsWorkingDaysAtRunTime(eventObligations: readonly EventObligation[], obligationsByDueTime: ReadonlyMap<number, readonly Obligation[]>): boolean {
  if (eventObligations.some((o) => o.workingDays)) return true;
  for (const list of obligationsByDueTime.values()) if (list.some((o) => o.followOns?.some((f) => f.workingDays))) return true;
  return false;
}
