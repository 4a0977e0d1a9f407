import { ConcurrencyError, EventIdConflictError } from '../errors';
import { prepareEvents } from '../validation/validate-append';
import { diagnoseFailedAppend, type StoredId } from './diagnose-append';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
const events = prepareEvents(ids.map((eventId) => ({ eventId, type: 'T', schemaVersion: 1, data: null, metadata: {} })));
const stored = (eventId: string, stream: string, revision: bigint): StoredId => ({ eventId, stream, revision, position: { commit: 9n, prepare: revision } });

describe('diagnoseFailedAppend', () => {
  it('recognises an idempotent retry at the expected place and returns the original result', () => {
    const storedIds = [stored(ids[0], 's', 3n), stored(ids[1], 's', 4n)];
    expect(diagnoseFailedAppend({ stream: 's', expected: 2n, events, storedIds, head: 4n })).toEqual({
      kind: 'replayed',
      result: { firstRevision: 3n, nextExpectedRevision: 4n, position: { commit: 9n, prepare: 4n } },
    });
    expect(diagnoseFailedAppend({ stream: 's', expected: 'any', events, storedIds, head: 7n }).kind).toBe('replayed');
  });

  it('refuses ids stored in another stream, at another place, or for part of the batch', () => {
    const cases: StoredId[][] = [
      [stored(ids[0], 'other', 0n), stored(ids[1], 'other', 1n)],
      [stored(ids[0], 's', 3n), stored(ids[1], 's', 4n)],
      [stored(ids[1], 's', 0n)],
      [stored(ids[0], 's', 3n), stored(ids[1], 's', 5n)],
    ];
    for (const storedIds of cases) {
      const diagnosis = diagnoseFailedAppend({ stream: 's', expected: 0n, events, storedIds, head: 9n });
      expect(diagnosis).toMatchObject({ kind: 'failed', error: expect.any(EventIdConflictError) });
    }
  });

  it('turns an unknown batch into a conflict, or a retry for any and stream_exists', () => {
    expect(diagnoseFailedAppend({ stream: 's', expected: 2n, events, storedIds: [], head: 3n })).toEqual({ kind: 'failed', error: new ConcurrencyError('s', 2n, 3n) });
    expect(diagnoseFailedAppend({ stream: 's', expected: 'any', events, storedIds: [], head: 3n })).toEqual({ kind: 'retry' });
    expect(diagnoseFailedAppend({ stream: 's', expected: 'stream_exists', events, storedIds: [], head: 3n })).toEqual({ kind: 'retry' });
    expect(diagnoseFailedAppend({ stream: 's', expected: 'stream_exists', events, storedIds: [], head: 'no_stream' })).toMatchObject({ kind: 'failed' });
  });
});
