import type { PlanSchedule } from '@planledger/domain';

export interface UncoveredDueDates {
  /** Calendar years the holiday table does not cover, ascending. */
  years: number[];
  /** Due dates (plan-local, YYYY-MM-DD) in those years, ascending, once each. */
  dates: string[];
}

/**
 * Due dates in years the holiday table has no notice for: there the holiday rule sees only
 * weekends, so a deadline on a public holiday would not move. Undefined when all are covered.
 */
export const uncoveredDueDates = (schedule: PlanSchedule): UncoveredDueDates | undefined => {
  const covered = new Set(schedule.holidayCalendar?.coveredYears ?? []);
  const dates = [...new Set(schedule.obligations.map((o) => o.dueAt.slice(0, 10)))].filter((d) => !covered.has(Number(d.slice(0, 4)))).sort();
  if (dates.length === 0) return undefined;
  return { years: [...new Set(dates.map((d) => Number(d.slice(0, 4))))], dates };
};
