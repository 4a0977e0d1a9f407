import { endOfLocalDay, startOfLocalDay } from '@planledger/calendar';
import { DateTime } from 'luxon';

/** Formats instants in the plan's zone with their offset; cached, as timelines repeat instants. */
export function instantFormatter(zone: string): (at: string) => string {
  const cache = new Map<string, string>();
  return (at) => {
    let text = cache.get(at);
    if (text === undefined) {
      text = DateTime.fromMillis(Date.parse(at), { zone }).toISO({ suppressMilliseconds: true }) ?? at;
      cache.set(at, text);
    }
    return text;
  };
}

/** `--until 2022-09-01` means the end of that day in the plan's zone; a full instant is taken as is. */
export function parseUntil(value: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return endOfLocalDay(value, zone);
    } catch {
      throw new UsageError(`--until: "${value}" is not a calendar date`);
    }
  }
  const instant = DateTime.fromISO(value, { setZone: true });
  if (!instant.isValid) throw new UsageError(`--until: "${value}" is not a date (YYYY-MM-DD) or an ISO-8601 instant`);
  return instant.toISO()!;
}

/** `--amend new.yaml@2022-03-01`: the new version and the instant it is put in force (a date: the start of that day in the plan's zone). */
export function parseAmendment(value: string, zone: string): { file: string; at: string } {
  const split = value.lastIndexOf('@');
  if (split <= 0 || split === value.length - 1) throw new UsageError(`--amend: "${value}" is not FILE@DATE (e.g. new-version.yaml@2022-03-01)`);
  const file = value.slice(0, split);
  const when = value.slice(split + 1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) {
    try {
      return { file, at: startOfLocalDay(when, zone) };
    } catch {
      throw new UsageError(`--amend: "${when}" is not a calendar date`);
    }
  }
  const instant = DateTime.fromISO(when, { setZone: true });
  if (!instant.isValid) throw new UsageError(`--amend: "${when}" is not a date (YYYY-MM-DD) or an ISO-8601 instant`);
  return { file, at: instant.toISO()! };
}

export class UsageError extends Error {}
