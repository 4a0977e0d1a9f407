import { ConcurrencyError, EventIdConflictError } from '../errors';
import type { AppendResult } from '../port/event-types';
import type { NormalisedExpectedRevision, PreparedEvent } from '../validation/validate-append';

/** Where one of the batch's event ids is already stored. */
export interface StoredId {
  eventId: string;
  stream: string;
  revision: bigint;
  position: { commit: bigint; prepare: bigint };
}

export type AppendDiagnosis =
  | { kind: 'replayed'; result: AppendResult }
  | { kind: 'retry' }
  | { kind: 'failed'; error: ConcurrencyError | EventIdConflictError };

/**
 * Decides what a failed append meant, from the facts read after it failed:
 * - the very same ids already sit, in order, where this append would have put them: an idempotent
 *   retry, answered with the original result;
 * - some ids are stored anywhere else: EventIdConflictError;
 * - none are stored: a concurrency conflict; for 'any' and 'stream_exists' (when the stream exists)
 *   simply try again, otherwise ConcurrencyError with the actual head.
 */
export function diagnoseFailedAppend(input: {
  stream: string;
  expected: NormalisedExpectedRevision;
  events: readonly PreparedEvent[];
  storedIds: readonly StoredId[];
  head: bigint | 'no_stream';
}): AppendDiagnosis {
  const { stream, expected, events, storedIds, head } = input;
  const byId = new Map(storedIds.map((stored) => [stored.eventId, stored]));
  if (storedIds.length > 0) {
    const first = byId.get(events[0].eventId);
    const inPlace =
      first !== undefined &&
      first.stream === stream &&
      events.every((event, index) => {
        const stored = byId.get(event.eventId);
        return stored !== undefined && stored.stream === stream && stored.revision === first.revision + BigInt(index);
      }) &&
      placementMatches(expected, first.revision);
    if (inPlace) {
      const last = byId.get(events[events.length - 1].eventId)!;
      return { kind: 'replayed', result: { firstRevision: first.revision, nextExpectedRevision: last.revision, position: last.position } };
    }
    const index = events.findIndex((event) => byId.has(event.eventId));
    const stored = byId.get(events[index].eventId)!;
    return { kind: 'failed', error: new EventIdConflictError(stored.eventId, `events[${index}].eventId`, stored.stream, stored.revision) };
  }
  if (expected === 'any' || (expected === 'stream_exists' && head !== 'no_stream')) return { kind: 'retry' };
  return { kind: 'failed', error: new ConcurrencyError(stream, expected, head) };
}

function placementMatches(expected: NormalisedExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return firstRevision === 0n;
  if (expected === 'stream_exists') return firstRevision > 0n;
  return firstRevision === expected + 1n;
}
