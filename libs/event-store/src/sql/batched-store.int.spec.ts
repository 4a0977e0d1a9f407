import { ConcurrencyError } from '../errors';
import type { EventStore } from '../port/event-store';
import { loadState, loadStates } from '../snapshots/load-state';
import { openFreshPgliteStore } from '../testing/pglite-template';
import { collect, testEvent, uniqueStream } from '../testing/test-events';

describe('batched reads and appends over many streams (PGlite)', () => {
  let store: EventStore & Required<Pick<EventStore, 'appendMany' | 'readStreams' | 'readSnapshots'>>;

  beforeAll(async () => {
    store = (await openFreshPgliteStore()) as typeof store;
  });
  afterAll(() => store.close());

  it('appends to several new streams in one go, each chained and positioned like a single append', async () => {
    const [a, b] = [uniqueStream('batch-a'), uniqueStream('batch-b')];
    const results = await store.appendMany([
      { stream: a, events: [testEvent('A1'), testEvent('A2')], expectedRevision: 'no_stream' },
      { stream: b, events: [testEvent('B1')], expectedRevision: 'no_stream' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [ra, rb] = results.map((r) => (r as PromiseFulfilledResult<{ nextExpectedRevision: bigint; position: { prepare: bigint } }>).value);
    expect(ra.nextExpectedRevision).toBe(1n);
    expect(rb.nextExpectedRevision).toBe(0n);
    const eventsA = await collect(store.readStream(a));
    expect(eventsA.map((e) => e.type)).toEqual(['A1', 'A2']);
    expect(ra.position).toEqual(eventsA[1].position);
    expect((await store.verify()).brokenLinks).toEqual([]);
  });

  it('a stream whose expectation fails gets its own ConcurrencyError; the others are appended', async () => {
    const [taken, free] = [uniqueStream('batch-taken'), uniqueStream('batch-free')];
    await store.append(taken, [testEvent('First')], 'no_stream');
    const results = await store.appendMany([
      { stream: taken, events: [testEvent('Late')], expectedRevision: 'no_stream' },
      { stream: free, events: [testEvent('Fresh')], expectedRevision: 'no_stream' },
    ]);
    expect(results[0].status).toBe('rejected');
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(results[1].status).toBe('fulfilled');
    expect((await collect(store.readStream(taken))).map((e) => e.type)).toEqual(['First']);
    expect((await collect(store.readStream(free))).map((e) => e.type)).toEqual(['Fresh']);
  });

  it('the same events appended again are answered as a replay, not written twice', async () => {
    const [x, y] = [uniqueStream('batch-x'), uniqueStream('batch-y')];
    const requests = [
      { stream: x, events: [testEvent('X')], expectedRevision: 'no_stream' as const },
      { stream: y, events: [testEvent('Y')], expectedRevision: 'no_stream' as const },
    ];
    const first = await store.appendMany(requests);
    const again = await store.appendMany(requests);
    expect(again).toEqual(first);
    expect(await collect(store.readStream(x))).toHaveLength(1);
  });

  it('loadStates folds each stream exactly as loadState does, snapshots included', async () => {
    const streams = [uniqueStream('load-a'), uniqueStream('load-b'), uniqueStream('load-none')];
    for (let i = 0; i < 5; i++) await store.append(streams[0], [testEvent('N', { n: i })], i === 0 ? 'no_stream' : BigInt(i - 1));
    await store.append(streams[1], [testEvent('N', { n: 10 })], 'no_stream');
    const fold = { initialState: [] as number[], evolve: (s: number[], e: { data: unknown }) => [...s, (e.data as { n: number }).n], stateSchemaVersion: 1, snapshotEvery: 3 };
    await loadState(store, streams[0], fold); // writes a snapshot at revision 4
    await store.append(streams[0], [testEvent('N', { n: 5 })], 4n);
    const many = await loadStates(store, streams, fold);
    for (const stream of streams) {
      const one = await loadState(store, stream, fold);
      expect({ state: many.get(stream)!.state, revision: many.get(stream)!.revision }).toEqual({ state: one.state, revision: one.revision });
    }
    expect(many.get(streams[0])!.fromSnapshot).toBe(4n);
    expect(many.get(streams[0])!.state).toEqual([0, 1, 2, 3, 4, 5]);
    expect(many.get(streams[2])!.revision).toBe('no_stream');
  });
});
