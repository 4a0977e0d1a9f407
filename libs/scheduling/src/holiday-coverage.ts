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

/**
 * The warning `validate` prints and the service's check and import answers carry when some
 * deadline falls in a year the holiday table does not cover (undefined when all are covered).
 */
export const holidayCoverageMessage = (schedule: PlanSchedule): string | undefined => {
  const uncovered = uncoveredDueDates(schedule);
  if (!uncovered) return undefined;
  const shown = uncovered.dates.length > 12 ? `${uncovered.dates.slice(0, 12).join(', ')} (and ${uncovered.dates.length - 12} more)` : uncovered.dates.join(', ');
  const covered = schedule.holidayCalendar?.coveredYears ?? [];
  const range = covered.length > 0 ? `${covered[0]}–${covered[covered.length - 1]}` : 'none';
  const name = schedule.holidayCalendar?.name;
  return `the holiday table (${name ? `${name}: ` : ''}years ${range}) does not cover ${uncovered.years.join(', ')}; these deadlines are moved for weekends only, not public holidays: ${shown}`;
};
