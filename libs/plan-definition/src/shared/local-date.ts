// Plan dates are local calendar dates written YYYY-MM-DD; comparing the strings orders them.
// Arithmetic goes through UTC so that no time zone or clock is involved.

export type IsoDate = string;

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A school year (學年度) runs from 1 September to 31 August of the next calendar year. */
export function schoolYearStart(year: number): IsoDate {
  return `${year}-09-01`;
}

export function schoolYearEnd(year: number): IsoDate {
  return `${year + 1}-08-31`;
}

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

export function windowsOverlap(a: DateWindow, b: DateWindow): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function isWithin(date: IsoDate, window: DateWindow): boolean {
  return window.from <= date && date <= window.to;
}
