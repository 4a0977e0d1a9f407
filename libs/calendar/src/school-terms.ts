import { addDays, localDate, type DateSpan, type LocalDate, type MonthDay } from './local-date';

/**
 * Terms (学期) of the 校历: teaching time, with the winter and summer holidays between them.
 * Unlike the administrative semesters of school-year.ts (which split the whole year at
 * 1 February, holidays included), a term ends when its holiday begins: "每学期至少2次" and
 * "期末" are about the terms, and the summer holiday is not a term.
 */
export interface SchoolTerm {
  schoolYear: number;
  term: 1 | 2;
  start: LocalDate;
  /** 期中: given by the 校历, or the middle day of the term. */
  mid: LocalDate;
  end: LocalDate;
}

export interface TermDates {
  start: MonthDay;
  end: MonthDay;
}

/**
 * Where no 校历 is given: the autumn term 1 September – 20 January, the winter holiday until
 * the end of February, the spring term 1 March – 10 July, the summer holiday until 31 August.
 * Real dates move with the Spring Festival and the province; a plan that depends on them gives
 * its own terms.
 */
export const defaultSchoolTerms: { first: TermDates; second: TermDates } = {
  first: { start: { month: 9, day: 1 }, end: { month: 1, day: 20 } },
  second: { start: { month: 3, day: 1 }, end: { month: 7, day: 10 } },
};

const daysBetween = (a: LocalDate, b: LocalDate): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** The middle day of a span (the earlier of two middle days). */
export const middleDay = (span: DateSpan): LocalDate => addDays(span.start, Math.floor(daysBetween(span.start, span.end) / 2));

export const termLength = (span: DateSpan): number => daysBetween(span.start, span.end) + 1;

/** The default term of a school year (named by the year it starts in). */
export const defaultTerm = (schoolYear: number, term: 1 | 2): SchoolTerm => {
  const dates = term === 1 ? defaultSchoolTerms.first : defaultSchoolTerms.second;
  const startYear = term === 1 ? schoolYear : schoolYear + 1;
  const start = localDate(startYear, dates.start.month, dates.start.day);
  const end = localDate(schoolYear + 1, dates.end.month, dates.end.day);
  return { schoolYear, term, start, end, mid: middleDay({ start, end }) };
};

export interface GivenTerm {
  schoolYear: number;
  term: 1 | 2;
  start: LocalDate;
  end: LocalDate;
  midterm?: LocalDate;
}

/** The plan's 校历 where it gives a term, the default terms elsewhere. */
export class TermCalendar {
  private readonly given = new Map<string, SchoolTerm>();

  constructor(terms: readonly GivenTerm[] = []) {
    for (const t of terms) {
      this.given.set(`${t.schoolYear}-${t.term}`, { schoolYear: t.schoolYear, term: t.term, start: t.start, end: t.end, mid: t.midterm ?? middleDay(t) });
    }
  }

  term(schoolYear: number, term: 1 | 2): SchoolTerm {
    return this.given.get(`${schoolYear}-${term}`) ?? defaultTerm(schoolYear, term);
  }

  /** Every term that overlaps the span, in order (school years from the one before the span's start). */
  termsOverlapping(span: DateSpan): SchoolTerm[] {
    const first = Number(span.start.slice(0, 4)) - 1;
    const last = Number(span.end.slice(0, 4));
    const terms: SchoolTerm[] = [];
    for (let year = first; year <= last; year++) {
      for (const number of [1, 2] as const) {
        const t = this.term(year, number);
        if (t.start <= span.end && t.end >= span.start) terms.push(t);
      }
    }
    return terms.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  /** Whether a day is in a term (not in a holiday between terms). */
  isTermDay(date: LocalDate): boolean {
    return this.termsOverlapping({ start: date, end: date }).length > 0;
  }
}

/** Key of a term in assignment ids: `2023-t1` (ASCII, no ':'). */
export const termKey = (term: Pick<SchoolTerm, 'schoolYear' | 'term'>): string => `${term.schoolYear}-t${term.term}`;
