import { RRule, type RRuleSet } from 'rrule';
import { addDays, formatLocalDate, localDate, parseLocalDate, type DateSpan, type LocalDate, type MonthDay } from './local-date';
import { makeRule, makeRuleSet, occurrenceAfter, occurrencesWithin } from './rrule-dates';
import { defaultSchoolCalendar, schoolYearOf, semesterOf, type SchoolCalendarOptions } from './school-year';

export type PeriodUnit = 'week' | 'month' | 'semester' | 'school-year' | 'year';

/** One whole period. Keys are ASCII without ':' so they can go into ids and job names. */
export interface Period {
  unit: PeriodUnit;
  /** `2022` year, `sy2022` school year, `2022-s1` semester of school year 2022, `2022-11` month, `2022-w37` ISO week. */
  key: string;
  start: LocalDate;
  end: LocalDate;
}

const monthDayRule = (start: MonthDay, from: LocalDate): RRule =>
  makeRule({ freq: RRule.YEARLY, bymonth: [start.month], bymonthday: [start.day] }, from);

/** The rule whose occurrences are the period starts, and a start on or before the day given. */
const periodStarts = (
  unit: PeriodUnit,
  day: LocalDate,
  school: SchoolCalendarOptions,
): { rule: RRule | RRuleSet; firstStart: LocalDate } => {
  const date = parseLocalDate(day);
  switch (unit) {
    case 'week': {
      const firstStart = formatLocalDate(date.startOf('week'));
      return { rule: makeRule({ freq: RRule.WEEKLY, byweekday: [RRule.MO] }, firstStart), firstStart };
    }
    case 'month': {
      const firstStart = formatLocalDate(date.startOf('month'));
      return { rule: makeRule({ freq: RRule.MONTHLY, bymonthday: [1] }, firstStart), firstStart };
    }
    case 'year': {
      const firstStart = formatLocalDate(date.startOf('year'));
      return { rule: makeRule({ freq: RRule.YEARLY, bymonth: [1], bymonthday: [1] }, firstStart), firstStart };
    }
    case 'school-year': {
      const { month, day: dayOfMonth } = school.schoolYearStart;
      const firstStart = localDate(schoolYearOf(day, school), month, dayOfMonth);
      return { rule: monthDayRule(school.schoolYearStart, firstStart), firstStart };
    }
    case 'semester': {
      const yearStart = `${schoolYearOf(day, school)}-01-01`;
      const rule = makeRuleSet([monthDayRule(school.schoolYearStart, yearStart), monthDayRule(school.secondSemesterStart, yearStart)]);
      const candidates = occurrencesWithin(rule, { start: yearStart, end: day });
      const firstStart = candidates[candidates.length - 1];
      if (firstStart === undefined) throw new Error(`no semester starts on or before ${day}`);
      return { rule, firstStart };
    }
  }
};

export const periodKey = (unit: PeriodUnit, start: LocalDate, school: SchoolCalendarOptions = defaultSchoolCalendar): string => {
  switch (unit) {
    case 'year':
      return start.slice(0, 4);
    case 'month':
      return start.slice(0, 7);
    case 'school-year':
      return `sy${schoolYearOf(start, school)}`;
    case 'semester': {
      const { schoolYear, semester } = semesterOf(start, school);
      return `${schoolYear}-s${semester}`;
    }
    case 'week': {
      const date = parseLocalDate(start);
      return `${date.weekYear}-w${String(date.weekNumber).padStart(2, '0')}`;
    }
  }
};

/**
 * Every whole period that overlaps the span, in order. Periods are returned whole (a week
 * that began before the span keeps its Monday); callers clip them to their own windows.
 */
export const enumeratePeriods = (
  unit: PeriodUnit,
  span: DateSpan,
  school: SchoolCalendarOptions = defaultSchoolCalendar,
): Period[] => {
  if (span.end < span.start) return [];
  const { rule, firstStart } = periodStarts(unit, span.start, school);
  const starts = occurrencesWithin(rule, { start: firstStart, end: span.end });
  const lastStart = starts[starts.length - 1];
  const afterLast = lastStart === undefined ? undefined : occurrenceAfter(rule, lastStart);
  if (afterLast === undefined) return [];
  const nextStarts = [...starts.slice(1), afterLast];
  return starts.map((start, index) => ({
    unit,
    key: periodKey(unit, start, school),
    start,
    end: addDays(nextStarts[index], -1),
  }));
};

/** The period containing a day. */
export const periodContaining = (unit: PeriodUnit, day: LocalDate, school: SchoolCalendarOptions = defaultSchoolCalendar): Period => {
  const [period] = enumeratePeriods(unit, { start: day, end: day }, school);
  return period;
};
