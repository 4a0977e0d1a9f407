import { addDays, endOfLocalDay, startOfLocalDay } from '@planledger/calendar';
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

/**
 * `--event ID=DATE[@RECORDED][:UNIT,UNIT…]`: outside event ID happened (or will happen) on DATE; the
 * planner records it on RECORDED (default: 30 days before DATE, an inspection on DATE itself);
 * an inspection names the units inspected.
 */
export function parseOutsideEvent(
  value: string,
  zone: string,
  isInspection: (eventId: string) => boolean,
): { eventId: string; date: string; dayClosesAt: string; at: string; units?: string[] } {
  const match = /^([A-Za-z0-9_-]+)=(\d{4}-\d{2}-\d{2})(?:@(\d{4}-\d{2}-\d{2}))?(?::([A-Za-z0-9_,-]+))?$/.exec(value);
  if (!match) throw new UsageError(`--event: "${value}" is not ID=DATE[@RECORDED][:UNIT,…] (e.g. visit=2024-05-20 or visit=2024-05-20@2024-04-01)`);
  const [, eventId, date, recorded, units] = match;
  try {
    const recordedOn = recorded ?? (isInspection(eventId) ? date : addDays(date, -30));
    return {
      eventId,
      date,
      dayClosesAt: endOfLocalDay(date, zone),
      at: startOfLocalDay(recordedOn, zone),
      ...(units ? { units: units.split(',').filter(Boolean) } : {}),
    };
  } catch {
    throw new UsageError(`--event: "${value}" has a date that is not a calendar date`);
  }
}

/** `--close-phase check=2024-03-10`: a planner closes the phase at the end of that day in the plan's zone (ADR 0019). */
export function parsePhaseClose(value: string, zone: string): { phaseId: string; at: string } {
  const match = /^([A-Za-z0-9_-]+)=(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!match) throw new UsageError(`--close-phase: "${value}" is not PHASE=DATE (e.g. check=2024-03-10)`);
  const [, phaseId, date] = match;
  try {
    return { phaseId, at: endOfLocalDay(date, zone) };
  } catch {
    throw new UsageError(`--close-phase: "${value}" has a date that is not a calendar date`);
  }
}

export class UsageError extends Error {}
