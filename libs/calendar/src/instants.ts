import { DateTime } from 'luxon';
import type { LocalDate } from './local-date';

/** ISO-8601 instant with the offset of the plan's zone, e.g. "2022-11-30T23:59:59.999+08:00". */
export type Instant = string;

const inZone = (date: LocalDate, zone: string): DateTime => {
  const local = DateTime.fromISO(date, { zone });
  if (!local.isValid) throw new Error(`cannot place ${date} in time zone "${zone}": ${local.invalidExplanation ?? local.invalidReason}`);
  return local;
};

const toInstant = (at: DateTime): Instant => at.toISO({ suppressMilliseconds: false }) as Instant;

/**
 * A plan's deadlines fall on a few hundred days that every school shares: each (zone, day) is
 * converted once. Pure memos, bounded (cleared when full).
 */
const MEMO_LIMIT = 20_000;
const memoOf = (convert: (date: LocalDate, zone: string) => Instant) => {
  const memo = new Map<string, Instant>();
  return (date: LocalDate, zone: string): Instant => {
    const key = `${zone} ${date}`;
    let at = memo.get(key);
    if (at === undefined) {
      at = convert(date, zone);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, at);
    }
    return at;
  };
};

/** First moment of a local day (luxon moves a midnight skipped by DST to the first valid time). */
export const startOfLocalDay = memoOf((date, zone) => toInstant(inZone(date, zone).startOf('day')));

/** Last moment of a local day: a deadline "on" a day means before this day ends where the plan is. */
export const endOfLocalDay = memoOf((date, zone) => toInstant(inZone(date, zone).endOf('day')));

/** The local day an instant falls on in a zone. */
export const localDateOf = (at: Instant, zone: string): LocalDate => {
  const instant = DateTime.fromISO(at, { setZone: true });
  if (!instant.isValid) throw new Error(`not an ISO-8601 instant: ${at}`);
  return instant.setZone(zone).toISODate() as LocalDate;
};

export const isValidTimeZone = (zone: string): boolean => DateTime.fromMillis(0, { zone }).isValid;

/** The same instant written in a zone with that zone's offset ("2022-01-17T15:59:59.999Z" → "2022-01-17T23:59:59.999+08:00"). */
export const instantInZone = (at: Instant, zone: string): Instant => {
  const instant = DateTime.fromISO(at, { setZone: true });
  if (!instant.isValid) throw new Error(`not an ISO-8601 instant: ${at}`);
  return toInstant(instant.setZone(zone));
};
