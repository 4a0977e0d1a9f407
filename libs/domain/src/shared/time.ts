/**
 * Business time is an ISO-8601 instant with offset (e.g. "2022-11-30T23:59:59.999+08:00").
 * The domain never reads a clock: every instant arrives in a command or a schedule.
 */
export type Instant = string;

export const toMillis = (at: Instant): number => {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${at}`);
  return ms;
};

export const isBefore = (a: Instant, b: Instant): boolean => toMillis(a) < toMillis(b);
export const isAtOrAfter = (a: Instant, b: Instant): boolean => toMillis(a) >= toMillis(b);
export const compareInstants = (a: Instant, b: Instant): number => toMillis(a) - toMillis(b);

const DAY_MS = 86_400_000;
/** Shifts an instant by whole days of 24 h; output keeps the UTC form, which compares correctly. */
export const addDays = (at: Instant, days: number): Instant => new Date(toMillis(at) + days * DAY_MS).toISOString();
