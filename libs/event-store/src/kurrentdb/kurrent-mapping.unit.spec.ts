import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
  type JSONRecordedEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, StoreUnavailableError } from '../errors';
import { prepareEvents } from '../validation/validate-append';
import {
  fromKurrentCurrentState,
  fromResolvedEvent,
  mapKurrentError,
  toKurrentEventData,
  toKurrentPosition,
  toKurrentStreamState,
} from './kurrent-mapping';

const [prepared] = prepareEvents([
  {
    eventId: '7c0f8f3e-1d2b-4c5a-9e8f-001122334455',
    type: '任务已分配',
    schemaVersion: 2,
    data: { assignee: '李老师', due: '2027-03-01' },
    metadata: { correlationId: 'c-1', causationId: 'k-9', actor: { userId: 'u-1', role: 'principal' }, businessTime: '2026-09-01T08:00:00+08:00' },
  },
]);
const link = { recordedAtMs: 1_767_225_600_000, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };

describe('KurrentDB mapping', () => {
  it('maps expected revisions onto the client\'s stream states', () => {
    expect(toKurrentStreamState('no_stream')).toBe(NO_STREAM);
    expect(toKurrentStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toKurrentStreamState('any')).toBe(ANY);
    expect(toKurrentStreamState(41n)).toBe(41n);
    expect(fromKurrentCurrentState(NO_STREAM)).toBe('no_stream');
    expect(fromKurrentCurrentState(7n)).toBe(7n);
  });

  it('maps positions both ways', () => {
    expect(toKurrentPosition({ commit: 10n, prepare: 9n })).toEqual({ commit: 10n, prepare: 9n });
  });

  it('writes metadata with KurrentDB\'s own correlation and causation keys, and reads it back', () => {
    const data = toKurrentEventData(prepared, link);
    expect(data).toMatchObject({ id: prepared.eventId, type: '任务已分配', contentType: 'application/json' });
    expect(data.metadata).toEqual({
      $correlationId: 'c-1',
      $causationId: 'k-9',
      actor: { userId: 'u-1', role: 'principal' },
      businessTime: '2026-09-01T08:00:00+08:00',
      schemaVersion: 2,
      ...link,
    });

    const recorded: JSONRecordedEvent = {
      streamId: 'plan-1',
      id: prepared.eventId,
      revision: 3n,
      type: data.type,
      created: new Date(),
      data: data.data as JSONRecordedEvent['data'],
      metadata: data.metadata,
      isJson: true,
      position: { commit: 500n, prepare: 499n },
    };
    const resolved: ResolvedEvent = { event: recorded, commitPosition: 500n };
    expect(fromResolvedEvent(resolved)).toEqual({
      stream: 'plan-1',
      revision: 3n,
      eventId: prepared.eventId,
      type: '任务已分配',
      schemaVersion: 2,
      data: { assignee: '李老师', due: '2027-03-01' },
      metadata: { correlationId: 'c-1', causationId: 'k-9', actor: { userId: 'u-1', role: 'principal' }, businessTime: '2026-09-01T08:00:00+08:00' },
      recordedAt: new Date(link.recordedAtMs),
      prevHash: link.prevHash,
      hash: link.hash,
      position: { commit: 500n, prepare: 499n },
    });
  });

  it('maps WrongExpectedVersionError to ConcurrencyError with stream, expected and actual', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 'plan-1', expected: 3n, current: 5n });
    const mapped = mapKurrentError(conflict, 'plan-1', 3n, 'appending');
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ stream: 'plan-1', expected: 3n, actual: 5n });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'plan-2', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(mapKurrentError(missing, 'plan-2', 'stream_exists', 'appending')).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('maps the client\'s UnavailableError and a raw gRPC UNAVAILABLE to StoreUnavailableError', () => {
    expect(mapKurrentError(new UnavailableError(), 's', 'any', 'reading')).toBeInstanceOf(StoreUnavailableError);
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const mapped = mapKurrentError(raw, 's', 'any', 'appending to stream "s"');
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).message).toContain('appending to stream "s"');
    const other = new Error('something else');
    expect(mapKurrentError(other, 's', 'any', 'x')).toBe(other);
  });

  it('rejects a recorded event without our metadata', () => {
    const resolved = { event: { streamId: 's', id: 'x', revision: 0n, type: 't', created: new Date(), data: {}, metadata: {}, isJson: true, position: { commit: 1n, prepare: 1n } } } as ResolvedEvent;
    expect(() => fromResolvedEvent(resolved)).toThrow();
  });
});
