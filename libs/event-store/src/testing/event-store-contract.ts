import { ConcurrencyError, EventIdConflictError, InvalidEventError } from '../errors';
import type { EventStore } from '../port/event-store';
import type { EventInput, GlobalPosition, StoredEvent } from '../port/event-types';
import { compareGlobalPositions } from '../port/global-position';
import { loadState } from '../snapshots/load-state';
import { collect, sleep, testEvent, uniqueStream } from './test-events';

/**
 * The one contract every adapter passes. `open` gives a store on a database of its own for the file;
 * tests use unique stream names, so they never see each other's streams.
 */
export interface AdapterCapabilities {
  /** SQL adapters refuse an event id stored anywhere else; KurrentDB only de-duplicates retries. */
  eventIdsUniqueAcrossStreams: boolean;
}

export function describeEventStoreContract(
  adapter: string,
  open: () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>,
  capabilities: AdapterCapabilities = { eventIdsUniqueAcrossStreams: true },
): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
    }, 120_000);
    afterAll(async () => {
      await cleanup?.();
    });

    const countAll = async () => (await collect(store.readAll())).length;

    describe('identity', () => {
      it('has an id of its own (a UUID), the same on every call', async () => {
        const storeId = await store.storeId();
        expect(storeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(await store.storeId()).toBe(storeId);
      });
    });

    describe('append and readStream', () => {
      it('reads a stream forwards and backwards from a revision', async () => {
        const stream = uniqueStream('order');
        const events = Array.from({ length: 5 }, (_, n) => testEvent('Counted', { n }));
        const result = await store.append(stream, events, 'no_stream');
        expect(result).toMatchObject({ firstRevision: 0n, nextExpectedRevision: 4n });

        const forwards = await collect(store.readStream(stream));
        expect(forwards.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(forwards.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
        expect(forwards[4].position).toEqual(result.position);

        const fromTwo = await collect(store.readStream(stream, { fromRevision: 2, maxCount: 2 }));
        expect(fromTwo.map((e) => e.revision)).toEqual([2n, 3n]);
        const backwards = await collect(store.readStream(stream, { direction: 'backwards' }));
        expect(backwards.map((e) => e.revision)).toEqual([4n, 3n, 2n, 1n, 0n]);
        const backFromThree = await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }));
        expect(backFromThree.map((e) => e.revision)).toEqual([3n, 2n]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await collect(store.readStream(uniqueStream('missing')))).toEqual([]);
      });

      it('stores metadata, schema version, recorded time and the hash links', async () => {
        const stream = uniqueStream('meta');
        const metadata = {
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: { userId: 'u-7', role: 'teacher', departmentId: 'd-2' },
          businessTime: '2026-09-01T08:00:00+08:00',
        };
        const before = Date.now();
        await store.append(stream, [{ ...testEvent('Assigned', { who: 'u-7' }, metadata), schemaVersion: 3 }, testEvent()], 'any');
        const [first, second] = await collect(store.readStream(stream));
        expect(first).toMatchObject({ stream, type: 'Assigned', schemaVersion: 3, metadata, data: { who: 'u-7' } });
        expect(first.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
        expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(second.prevHash).toBe(first.hash);
      });
    });

    describe('optimistic concurrency', () => {
      it('enforces no_stream, stream_exists, an exact revision, and lets any through', async () => {
        const stream = uniqueStream('expect');
        await expect(store.append(stream, [testEvent()], 'stream_exists')).rejects.toMatchObject({ name: 'ConcurrencyError', stream, expected: 'stream_exists', actual: 'no_stream' });
        await expect(store.append(stream, [testEvent()], 3)).rejects.toMatchObject({ stream, expected: 3n, actual: 'no_stream' });
        await store.append(stream, [testEvent()], 'no_stream');
        await expect(store.append(stream, [testEvent()], 'no_stream')).rejects.toMatchObject({ stream, expected: 'no_stream', actual: 0n });
        await store.append(stream, [testEvent()], 'stream_exists');
        await expect(store.append(stream, [testEvent()], 0n)).rejects.toMatchObject({ stream, expected: 0n, actual: 1n });
        await store.append(stream, [testEvent()], 1);
        await expect(store.append(stream, [testEvent()], 'any')).resolves.toMatchObject({ nextExpectedRevision: 3n });
      });

      it('lets exactly one of 50 concurrent appends with the same expected revision win', async () => {
        const stream = uniqueStream('race');
        await store.append(stream, [testEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, n) => store.append(stream, [testEvent('Raced', { n })], 0n)));
        const winners = outcomes.filter((o) => o.status === 'fulfilled');
        const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(49);
        for (const loser of losers) {
          expect(loser).toBeInstanceOf(ConcurrencyError);
          expect(loser).toMatchObject({ stream, expected: 0n, actual: 1n });
        }
        expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual([0n, 1n]);
      });

      it('lets exactly one of 50 concurrent creators of a new stream win', async () => {
        const stream = uniqueStream('race-new');
        const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => store.append(stream, [testEvent()], 'no_stream')));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ name: 'ConcurrencyError', stream, expected: 'no_stream', actual: 0n });
        }
      });
    });

    describe('idempotent appends by event id', () => {
      it('returns the original result and writes nothing when the same events are re-appended at the same place', async () => {
        const stream = uniqueStream('retry');
        const events = [testEvent(), testEvent()];
        const original = await store.append(stream, events, 'no_stream');
        const total = await countAll();
        await expect(store.append(stream, events, 'no_stream')).resolves.toEqual(original);
        const next = [testEvent()];
        const second = await store.append(stream, next, 1n);
        await expect(store.append(stream, next, 1n)).resolves.toEqual(second);
        expect(await countAll()).toBe(total + 1);
        expect(await collect(store.readStream(stream))).toHaveLength(3);
      });

      (capabilities.eventIdsUniqueAcrossStreams ? it : it.skip)('rejects ids stored elsewhere (other stream, other place, part of a batch) and writes nothing', async () => {
        const stream = uniqueStream('reuse');
        const stored = [testEvent(), testEvent(), testEvent()];
        await store.append(stream, stored, 'no_stream');
        const total = await countAll();
        const other = uniqueStream('reuse-other');
        const elsewhere = await store.append(other, [testEvent(), stored[0]], 'any').catch((e: unknown) => e);
        expect(elsewhere).toBeInstanceOf(EventIdConflictError);
        expect(elsewhere).toMatchObject({ eventId: stored[0].eventId, where: 'events[1].eventId', storedStream: stream, storedRevision: 0n });
        // Stored in this stream, but not where this append would put them.
        await expect(store.append(stream, [stored[1]], 2n)).rejects.toMatchObject({ name: 'EventIdConflictError', storedRevision: 1n });
        await expect(store.append(stream, [testEvent(), stored[2]], 2n)).rejects.toMatchObject({ name: 'EventIdConflictError', where: 'events[1].eventId' });
        await expect(store.append(stream, [stored[1], stored[2]], 'no_stream')).rejects.toMatchObject({ name: 'EventIdConflictError' });
        expect(await countAll()).toBe(total);
        expect(await collect(store.readStream(other))).toEqual([]);
        expect(await collect(store.readStream(stream))).toHaveLength(3);
      });

      it('treats a retry with expected revision any as a replay when the ids are the stream\'s latest events', async () => {
        const stream = uniqueStream('retry-any');
        const events = [testEvent(), testEvent()];
        const original = await store.append(stream, events, 'any');
        await expect(store.append(stream, events, 'any')).resolves.toEqual(original);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });
    });

    describe('global order', () => {
      it('reads every event once, in increasing positions, each stream in revision order', async () => {
        const start = await lastPosition(store);
        const streams = Array.from({ length: 6 }, () => uniqueStream('global'));
        await Promise.all(streams.map(async (stream) => {
          let expected: 'no_stream' | bigint = 'no_stream';
          for (let n = 0; n < 5; n++) expected = (await store.append(stream, [testEvent('G', { n }), testEvent('G', { n })], expected)).nextExpectedRevision;
        }));
        const read = (await collect(store.readAll({ after: start }))).filter((e) => streams.includes(e.stream));
        expect(read).toHaveLength(60);
        for (let i = 1; i < read.length; i++) expect(compareGlobalPositions(read[i - 1].position, read[i].position)).toBeLessThan(0);
        for (const stream of streams) {
          expect(read.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, n) => BigInt(n)));
        }
        const page = await collect(store.readAll({ after: start, maxCount: 7 }));
        expect(page).toHaveLength(7);
      });
    });

    describe('catch-up subscription', () => {
      it('resumes from its checkpoint after being stopped, delivering each event once', async () => {
        const stream = uniqueStream('sub');
        const start = await lastPosition(store);
        const seen: StoredEvent[] = [];
        const first = store.subscribeToAll({ after: start, pollIntervalMs: 10, onEvent: (e) => { if (e.stream === stream) seen.push(e); } });
        await store.append(stream, Array.from({ length: 5 }, () => testEvent()), 'no_stream');
        await until(() => seen.length === 5);
        await first.stop();
        const checkpoint = first.lastPosition!;

        await store.append(stream, Array.from({ length: 5 }, () => testEvent()), 4n);
        const second = store.subscribeToAll({ after: checkpoint, pollIntervalMs: 10, onEvent: (e) => { if (e.stream === stream) seen.push(e); } });
        await second.caughtUp;
        await store.append(stream, [testEvent()], 9n);
        await until(() => seen.length === 11);
        await second.stop();
        expect(seen.map((e) => e.revision)).toEqual(Array.from({ length: 11 }, (_, n) => BigInt(n)));
      });
    });

    describe('payloads', () => {
      it('round-trips 1 MB payloads and Chinese text byte for byte', async () => {
        const stream = uniqueStream('payload-行动计划');
        const chinese = '教育局三年行动计划：每所学校须于开学前完成教师培训。𠀀🎓「引号」\u00e9\n';
        const big = chinese.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(chinese)));
        const data = { title: '行动计划', body: big, nested: { 键: ['值', 1.5, null, true] } };
        const metadata = { actor: { userId: '张三', role: '校长', departmentId: '教育局' } };
        await store.append(stream, [testEvent('文件已上传', data, metadata)], 'no_stream');
        const [stored] = await collect(store.readStream(stream));
        expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(1024 * 1024);
        expect(Buffer.from(JSON.stringify(stored.data)).equals(Buffer.from(JSON.stringify(data)))).toBe(true);
        expect(stored.type).toBe('文件已上传');
        expect(stored.metadata).toEqual(metadata);
        expect(stored.stream).toBe(stream);
      });
    });

    describe('bad input', () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      const cases: [string, () => [string, EventInput[], unknown], string][] = [
        ['an empty stream name', () => ['', [testEvent()], 'any'], 'stream'],
        ['a blank stream name', () => ['   ', [testEvent()], 'any'], 'stream'],
        ['a missing type', () => [uniqueStream('bad'), [testEvent(), { ...testEvent(), type: undefined as unknown as string }], 'any'], 'events[1].type'],
        ['a BigInt in data', () => [uniqueStream('bad'), [testEvent('T', { amount: 10n })], 'any'], 'events[0].data.amount'],
        ['a cycle in data', () => [uniqueStream('bad'), [testEvent('T', { list: [cycle] })], 'any'], 'events[0].data.list[0].self'],
        ['a function in data', () => [uniqueStream('bad'), [testEvent('T', { run: () => 1 })], 'any'], 'events[0].data.run'],
        ['NaN in data', () => [uniqueStream('bad'), [testEvent('T', { x: Number.NaN })], 'any'], 'events[0].data.x'],
        ['a Date in data', () => [uniqueStream('bad'), [testEvent('T', { at: new Date() })], 'any'], 'events[0].data.at'],
        ['a negative revision', () => [uniqueStream('bad'), [testEvent()], -1], 'expectedRevision'],
        ['a negative bigint revision', () => [uniqueStream('bad'), [testEvent()], -5n], 'expectedRevision'],
        ['a fractional revision', () => [uniqueStream('bad'), [testEvent()], 1.5], 'expectedRevision'],
        ['a non-uuid event id', () => [uniqueStream('bad'), [{ ...testEvent(), eventId: 'abc' }], 'any'], 'events[0].eventId'],
        ['a repeated event id', () => { const e = testEvent(); return [uniqueStream('bad'), [e, { ...e }], 'any']; }, 'events[1].eventId'],
        ['no events', () => [uniqueStream('bad'), [], 'any'], 'events'],
        ['a bad business time', () => [uniqueStream('bad'), [testEvent('T', {}, { businessTime: 'tomorrow' })], 'any'], 'events[0].metadata.businessTime'],
        ['an unknown metadata field', () => [uniqueStream('bad'), [testEvent('T', {}, { colour: 'red' } as never)], 'any'], 'events[0].metadata'],
      ];

      it.each(cases)('rejects %s with InvalidEventError naming %#, writing nothing', async (_label, build, where) => {
        const [stream, events, expected] = build();
        const total = await countAll();
        const error = await store.append(stream, events, expected as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidEventError);
        expect((error as InvalidEventError).where).toBe(where);
        expect((error as InvalidEventError).message).toContain(where);
        expect(await countAll()).toBe(total);
        if (stream.trim()) expect(await collect(store.readStream(stream))).toEqual([]);
      });
    });

    describe('verify', () => {
      it('finds no broken link in untouched history and gives a stable heads digest', async () => {
        await store.append(uniqueStream('verify'), [testEvent(), testEvent()], 'no_stream');
        const report = await store.verify();
        expect(report.brokenLinks).toEqual([]);
        expect(report.eventsChecked).toBeGreaterThan(0);
        expect((await store.verify()).headsDigest).toBe(report.headsDigest);
        await store.append(uniqueStream('verify'), [testEvent()], 'no_stream');
        expect((await store.verify()).headsDigest).not.toBe(report.headsDigest);
      });
    });

    describe('snapshots', () => {
      interface Tally { count: number; sum: number; types: string[] }
      const fold = (stateSchemaVersion: number) => ({
        initialState: { count: 0, sum: 0, types: [] } as Tally,
        evolve: (state: Tally, event: StoredEvent): Tally => ({
          count: state.count + 1,
          sum: state.sum + (event.data as { n: number }).n,
          types: [...state.types, event.type].slice(-3),
        }),
        stateSchemaVersion,
        snapshotEvery: 10,
      });

      it('loads the same state with a snapshot as folded from zero, and rebuilds on a new state version', async () => {
        const stream = uniqueStream('snap');
        const append = async (from: number, count: number, expected: bigint | 'no_stream') =>
          store.append(stream, Array.from({ length: count }, (_, i) => testEvent(`T${(from + i) % 4}`, { n: from + i })), expected);
        await append(0, 25, 'no_stream');
        const fromZero = await loadState(store, stream, { ...fold(1), snapshotEvery: Infinity });
        expect(fromZero.fromSnapshot).toBeUndefined();

        const first = await loadState(store, stream, fold(1));
        expect(first.state).toEqual(fromZero.state);
        expect(await store.readSnapshot(stream)).toMatchObject({ stateSchemaVersion: 1, revision: 24n });

        await append(25, 7, 24n);
        const withSnapshot = await loadState(store, stream, fold(1));
        const folded = await loadState(store, stream, { ...fold(1), stateSchemaVersion: 99, snapshotEvery: Infinity });
        expect(withSnapshot.fromSnapshot).toBe(24n);
        expect(withSnapshot.state).toEqual({ count: 32, sum: (31 * 32) / 2, types: ['T1', 'T2', 'T3'] });
        expect(folded.fromSnapshot).toBeUndefined();
        expect(withSnapshot.state).toEqual(folded.state);

        // A new state schema version ignores the old snapshot and writes one of its own.
        const rebuilt = await loadState(store, stream, fold(2));
        expect(rebuilt.fromSnapshot).toBeUndefined();
        expect(rebuilt.state).toEqual(folded.state);
        expect(await store.readSnapshot(stream)).toMatchObject({ stateSchemaVersion: 2, revision: 31n });
      });
    });
  });
}

async function lastPosition(store: EventStore): Promise<GlobalPosition | undefined> {
  let last: GlobalPosition | undefined;
  for await (const event of store.readAll()) last = event.position;
  return last;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

