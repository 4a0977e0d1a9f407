import { endOfLocalDay, type LocalDate } from '@planledger/calendar';
import type { StoredEvent } from '@planledger/event-store';

/**
 * Which clock "as of" is read on.
 * - recorded (default): when the store wrote the event. This is what an auditor can prove: the
 *   hash chain covers recorded time, and nothing recorded later can change the answer.
 * - business: the event's business time (metadata.businessTime). Under the virtual clock it runs
 *   ahead of recorded time, so "what did the plan look like in the business on 30 June 2023"
 *   needs this basis.
 */
export type AsOfBasis = 'recorded' | 'business';

export interface AsOf {
  /** The instant, ISO-8601 UTC with milliseconds. */
  instant: string;
  basis: AsOfBasis;
  /** What the caller sent (a date or a date-time). */
  requested: string;
}

export class InvalidAsOfError extends Error {
  constructor(readonly requested: string) {
    super(`asOf "${requested}" is neither a date (YYYY-MM-DD) nor an ISO-8601 date-time with an offset`);
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A bare date means the end of that day where the plan lives (its time zone), not in UTC. */
export function resolveAsOf(requested: string, timeZone: string, basis: AsOfBasis = 'recorded'): AsOf {
  let ms: number;
  if (DATE_ONLY.test(requested)) ms = endOfDayMs(requested, timeZone);
  else if (DATE_TIME.test(requested)) ms = Date.parse(requested);
  else throw new InvalidAsOfError(requested);
  if (Number.isNaN(ms)) throw new InvalidAsOfError(requested);
  return { instant: new Date(ms).toISOString(), basis, requested };
}

function endOfDayMs(date: string, timeZone: string): number {
  try {
    return Date.parse(endOfLocalDay(date as LocalDate, timeZone));
  } catch {
    return Number.NaN; // 2023-02-30 and the like
  }
}

/** The time of an event on the chosen basis, in epoch milliseconds. */
export function eventTimeMs(event: StoredEvent, basis: AsOfBasis): number {
  if (basis === 'business' && event.metadata.businessTime) return Date.parse(event.metadata.businessTime);
  return event.recordedAt.getTime();
}

/** Whether an event belongs to the world as of that instant (inclusive). */
export const isWithinAsOf = (asOf: AsOf) => {
  const limit = Date.parse(asOf.instant);
  return (event: StoredEvent): boolean => eventTimeMs(event, asOf.basis) <= limit;
};
