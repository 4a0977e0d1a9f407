import { addDays, yearOf, type LocalDate } from '../local-date';
import { HolidayCalendarData } from './holiday-data.schema';

/** Days off and make-up working days of one jurisdiction; weekends are implied. */
export interface HolidayCalendar {
  readonly name: string;
  /** Years whose official notice is in the data; outside them only weekends count. */
  readonly coveredYears: readonly number[];
  /** The holiday a day off belongs to, or undefined for a day that is not a public holiday. */
  holidayOn(date: LocalDate): string | undefined;
  /** A weekend day that is a working day (调休上班). */
  isMakeUpWorkingDay(date: LocalDate): boolean;
  coversYear(year: number): boolean;
}

const daysOfBreak = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/** Builds a calendar from parsed JSON, validated; throws with zod's issues when the data is malformed. */
export const createHolidayCalendar = (json: unknown): HolidayCalendar => {
  const data = HolidayCalendarData.parse(json);
  const holidays = new Map<LocalDate, string>();
  const makeUpWorkingDays = new Set<LocalDate>();
  for (const year of data.years) {
    for (const holiday of year.holidays) {
      for (const day of daysOfBreak(holiday.from, holiday.to)) holidays.set(day, holiday.name);
      for (const day of holiday.makeUpWorkingDays) makeUpWorkingDays.add(day);
    }
  }
  for (const day of makeUpWorkingDays) {
    if (holidays.has(day)) throw new Error(`${day} is listed both as a holiday and as a make-up working day`);
  }
  const coveredYears = data.years.map((y) => y.year).sort((a, b) => a - b);
  return {
    name: data.name,
    coveredYears,
    holidayOn: (date) => holidays.get(date),
    isMakeUpWorkingDay: (date) => makeUpWorkingDays.has(date),
    coversYear: (year) => coveredYears.includes(year),
  };
};

/** No public holidays: working days are Monday to Friday. */
export const weekendsOnlyCalendar: HolidayCalendar = createHolidayCalendar({
  country: 'none',
  name: 'weekends only',
  source: 'no public holidays',
  years: [],
});

export const coversDate = (calendar: HolidayCalendar, date: LocalDate): boolean => calendar.coversYear(yearOf(date));
