import { lastDayOfMonth, type DateSpan } from './local-date';

/** 上旬 days 1–10, 中旬 11–20, 下旬 21 to the month's last day (28–31). */
export type Dekad = 'early' | 'mid' | 'late';
export type HalfYear = 'first' | 'second';

const monthParts = (month: string): { year: number; month: number } => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const number = Number(match?.[2]);
  if (!match || number < 1 || number > 12) throw new Error(`not a calendar month (YYYY-MM): ${month}`);
  return { year, month: number };
};

/** A calendar month written YYYY-MM, first day to last. */
export const monthSpan = (month: string): DateSpan => {
  const parts = monthParts(month);
  return { start: `${month}-01`, end: lastDayOfMonth(parts.year, parts.month) };
};

/** One dekad (旬) of a month: the third one ends with the month (28 or 29 February). */
export const dekadSpan = (month: string, dekad: Dekad): DateSpan => {
  const whole = monthSpan(month);
  switch (dekad) {
    case 'early':
      return { start: whole.start, end: `${month}-10` };
    case 'mid':
      return { start: `${month}-11`, end: `${month}-20` };
    case 'late':
      return { start: `${month}-21`, end: whole.end };
  }
};

/** 上半年 1 January – 30 June, 下半年 1 July – 31 December. */
export const halfYearSpan = (year: number, half: HalfYear): DateSpan => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a year: ${year}`);
  return half === 'first' ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
};
