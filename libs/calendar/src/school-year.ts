import { localDate, monthOf, dayOf, yearOf, addDays, type DateSpan, type LocalDate, type MonthDay } from './local-date';

/**
 * Where the school year (学年度) and its two semesters (学期) begin. Defaults follow the
 * common mainland calendar: the school year starts 1 September; the first (autumn) semester
 * runs to the end of January and the second (spring) semester from 1 February to 31 August.
 * Real term dates vary by province and year, so deadlines keyed to semesters use this
 * administrative split rather than teaching days.
 */
export interface SchoolCalendarOptions {
  schoolYearStart: MonthDay;
  secondSemesterStart: MonthDay;
}

export const defaultSchoolCalendar: SchoolCalendarOptions = {
  schoolYearStart: { month: 9, day: 1 },
  secondSemesterStart: { month: 2, day: 1 },
};

export type Semester = 1 | 2;

const isOnOrAfter = (date: LocalDate, start: MonthDay): boolean => {
  const month = monthOf(date);
  return month > start.month || (month === start.month && dayOf(date) >= start.day);
};

/** School year 2021 = 2021-09-01 … 2022-08-31 with the default calendar. */
export const schoolYearSpan = (schoolYear: number, options: SchoolCalendarOptions = defaultSchoolCalendar): DateSpan => {
  const { month, day } = options.schoolYearStart;
  return {
    start: localDate(schoolYear, month, day),
    end: addDays(localDate(schoolYear + 1, month, day), -1),
  };
};

/** The school year (named by its start year) a day belongs to. */
export const schoolYearOf = (date: LocalDate, options: SchoolCalendarOptions = defaultSchoolCalendar): number =>
  isOnOrAfter(date, options.schoolYearStart) ? yearOf(date) : yearOf(date) - 1;

export const semesterSpan = (
  schoolYear: number,
  semester: Semester,
  options: SchoolCalendarOptions = defaultSchoolCalendar,
): DateSpan => {
  const year = schoolYearSpan(schoolYear, options);
  const { month, day } = options.secondSemesterStart;
  const secondStart = localDate(schoolYear + 1, month, day);
  return semester === 1 ? { start: year.start, end: addDays(secondStart, -1) } : { start: secondStart, end: year.end };
};

/** The school year and semester a day belongs to. */
export const semesterOf = (
  date: LocalDate,
  options: SchoolCalendarOptions = defaultSchoolCalendar,
): { schoolYear: number; semester: Semester } => {
  const schoolYear = schoolYearOf(date, options);
  const semester: Semester = date >= semesterSpan(schoolYear, 2, options).start ? 2 : 1;
  return { schoolYear, semester };
};
