import { yearOf, type LocalDate } from '../local-date';
import type { HolidayCalendar } from './holiday-calendar';

/** One day of a deployer's holiday file: a day off, or a day worked (调休上班, or a holiday cancelled). */
export interface HolidayOverride {
  date: LocalDate;
  kind: 'holiday' | 'working-day';
  /** The holiday (春节) or what the working day pays for. */
  name: string;
  /** The notice it comes from (国办发明电〔2026〕x号), for whoever audits a moved due date. */
  notice?: string;
}

/**
 * A base calendar (chinese-days) with a deployer's days laid over it: a listed day is what the
 * file says, whatever the base said; every other day is the base's. A year the file lists any day
 * of counts as covered (the deployer vouches for it: a notice the package does not carry yet).
 */
export const withHolidayOverrides = (base: HolidayCalendar, overrides: readonly HolidayOverride[], source: string): HolidayCalendar => {
  if (overrides.length === 0) return base;
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const coveredYears = [...new Set([...base.coveredYears, ...overrides.map((o) => yearOf(o.date))])].sort((a, b) => a - b);
  return {
    name: `${base.name}, with ${source}`,
    coveredYears,
    holidayOn: (date) => {
      const override = byDate.get(date);
      return override ? (override.kind === 'holiday' ? override.name : undefined) : base.holidayOn(date);
    },
    isMakeUpWorkingDay: (date) => {
      const override = byDate.get(date);
      return override ? override.kind === 'working-day' : base.isMakeUpWorkingDay(date);
    },
    coversYear: (year) => coveredYears.includes(year),
  };
};
