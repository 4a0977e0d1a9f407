/**
 * Business time is an ISO-8601 instant with offset (e.g. "2022-11-30T23:59:59.999+08:00").
 * The domain never reads a clock: every instant arrives in a command or a schedule.
 *
 * Inside, the domain compares and shifts epoch milliseconds; text is read (toMillis) and written
 * (instantOf) only where an instant enters or leaves: a command's time, an event's data.
 */
export type Instant = string;

/**
 * A plan's instants repeat by the thousand (every school shares its measure's deadline), and
 * parsing or formatting ISO text costs ten times a map lookup: each text is read, and each
 * epoch ms written, once. Pure memos, bounded (cleared when full) so a long-running service
 * keeps no more than a plan's worth.
 */
const MEMO_LIMIT = 20_000;
const parsed = new Map<string, number>();
const formatted = new Map<number, Instant>();

export const toMillis = (at: Instant): number => {
  let ms = parsed.get(at);
  if (ms !== undefined) return ms;
  ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${at}`);
  if (parsed.size >= MEMO_LIMIT) parsed.clear();
  parsed.set(at, ms);
  return ms;
};

/** The instant of an epoch ms, in UTC form (`…Z`), as `Date.prototype.toISOString` writes it. */
export const instantOf = (ms: number): Instant => {
  let at = formatted.get(ms);
  if (at !== undefined) return at;
  at = new Date(ms).toISOString();
  if (formatted.size >= MEMO_LIMIT) formatted.clear();
  formatted.set(ms, at);
  return at;
};

export const isBefore = (a: Instant, b: Instant): boolean => toMillis(a) < toMillis(b);
export const isAtOrAfter = (a: Instant, b: Instant): boolean => toMillis(a) >= toMillis(b);
export const compareInstants = (a: Instant, b: Instant): number => toMillis(a) - toMillis(b);

export const DAY_MS = 86_400_000;
/** Shifts an instant by whole days of 24 h; output keeps the UTC form, which compares correctly. */
export const addDays = (at: Instant, days: number): Instant => instantOf(toMillis(at) + days * DAY_MS);
