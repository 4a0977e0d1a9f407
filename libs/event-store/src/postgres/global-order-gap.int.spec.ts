import { Pool } from 'pg';
import { compareGlobalPositions } from '../port/global-position';
import type { StoredEvent } from '../port/event-types';
import { SqlEventStore } from '../sql/sql-event-store';
import type { SqlExecutor } from '../sql/sql-executor';
import { collect, sleep, testEvent } from '../testing/test-events';
import { createTestDatabase, type TestDatabase } from '../testing/postgres-test-database';
import { openPostgresEventStore } from './open-postgres-event-store';

/*
 * The bigserial trap: positions are taken at insert time but become visible at commit time, so a
 * reader that follows positions alone skips rows committed late. Writers here hold each append's
 * transaction open for a random time before committing, while a subscriber follows the store.
 */
const WRITERS = 16;
const APPENDS_PER_WRITER = 25;
const MAX_COMMIT_DELAY_MS = 20;

describe('global order under concurrent writers with random commit delays (PostgreSQL)', () => {
  let database: TestDatabase;
  let store: SqlEventStore;
  let writerPool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('gap');
    store = await openPostgresEventStore(database.url, 4);
    writerPool = new Pool({ connectionString: database.url, max: WRITERS });
    // pool.end() resolves before every socket has closed, so `drop database … with (force)` may
    // still terminate an idle connection: expected at teardown, not a test failure.
    writerPool.on('error', () => undefined);
  });
  afterAll(async () => {
    // Close every connection, so no transaction of ours holds back the cluster-wide xmin.
    await writerPool?.end();
    await store?.close();
    await database?.drop();
  });

  /** Runs the store's append INSERTs in a transaction that stays open a random while before it commits. */
  function delayedCommitExecutor(): SqlExecutor {
    return {
      query: async <Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> => {
        if (!text.startsWith('insert into event_store_events')) return (await writerPool.query(text, params as unknown[])).rows as Row[];
        const client = await writerPool.connect();
        try {
          await client.query('begin');
          const { rows } = await client.query(text, params as unknown[]);
          await sleep(Math.random() * MAX_COMMIT_DELAY_MS);
          await client.query('commit');
          return rows as Row[];
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
      transaction: () => Promise.reject(new Error('not used by append')),
      close: () => Promise.resolve(),
    };
  }

  /** The classic broken reader: `where position > checkpoint order by position`. */
  async function readFollowingPositionsOnly(keepGoing: () => boolean): Promise<string[]> {
    const ids: string[] = [];
    let checkpoint = 0n;
    for (;;) {
      const stillWriting = keepGoing();
      const { rows } = await writerPool.query<{ position: string; event_id: string }>(
        'select position::text as position, event_id::text as event_id from event_store_events where position > $1 order by event_store_events.position',
        [checkpoint.toString()],
      );
      for (const row of rows) {
        ids.push(row.event_id);
        checkpoint = BigInt(row.position);
      }
      if (!stillWriting) return ids;
      await sleep(2);
    }
  }

  it('delivers every event exactly once, in one consistent order', async () => {
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll({ pollIntervalMs: 2, onEvent: (event) => void seen.push(event) });

    let writing = true;
    const naiveReading = readFollowingPositionsOnly(() => writing);
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        // Writers share streams in pairs, so appends also queue behind one another's stream lock.
        // Each writer is a store of its own, as if in its own process.
        const writerStore = new SqlEventStore(delayedCommitExecutor());
        const stream = `gap-stream-${writer % (WRITERS / 2)}`;
        for (let n = 0; n < APPENDS_PER_WRITER; n++) {
          const events = Array.from({ length: 1 + (n % 3) }, () => testEvent('Written', { writer, n }));
          await writerStore.append(stream, events, 'any');
          written.push(...events.map((event) => event.eventId));
        }
      }),
    );

    writing = false;
    const deadline = Date.now() + 15_000;
    while (seen.length < written.length && Date.now() < deadline) await sleep(10);
    await sleep(50); // anything extra (a duplicate) would arrive now
    await subscription.stop();

    const seenIds = seen.map((event) => event.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.length).toBe(written.length);
    expect(new Set(seenIds)).toEqual(new Set(written));

    for (let i = 1; i < seen.length; i++) expect(compareGlobalPositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);
    const byStream = new Map<string, bigint[]>();
    for (const event of seen) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event.revision]);
    for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, n) => BigInt(n)));

    // Same order as a fresh read from the start: the order does not depend on when you read.
    expect((await collect(store.readAll())).map((event) => event.eventId)).toEqual(seenIds);

    // The scenario really exercised the trap: a reader following the position sequence alone
    // (checkpointing the highest position it saw) missed events that committed late.
    const naiveIds = await naiveReading;
    expect(new Set(naiveIds).size).toBeLessThan(written.length);
  }, 60_000);
});
