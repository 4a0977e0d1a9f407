import { StoreUnavailableError } from '../errors';
import type { SqlEventStore } from '../sql/sql-event-store';
import { createTestDatabase, withMaintenanceClient, type TestDatabase } from '../testing/postgres-test-database';
import { collect, sleep, testEvent, uniqueStream } from '../testing/test-events';
import { openPostgresEventStore } from './open-postgres-event-store';

/**
 * What a failover, an idle timeout or a DBA does: `pg_terminate_backend` of the store's
 * connections, idle, checked out between two statements of a transaction, or in the middle of one.
 * Nothing may reach the process as an uncaught 'error'; the statement in flight fails with
 * StoreUnavailableError (or, for a read or an append, is retried on a fresh connection); the next
 * statement works.
 */
describe('PostgreSQL adapter when its connections are terminated', () => {
  let database: TestDatabase;
  let store: SqlEventStore;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  const terminateAll = () =>
    withMaintenanceClient(async (client) => {
      const { rows } = await client.query<{ n: number }>(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database.name],
      );
      return rows[0].n;
    });

  beforeAll(async () => {
    database = await createTestDatabase('faults');
    store = await openPostgresEventStore(database.url, 4);
    process.on('uncaughtException', recordUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', recordUncaught);
    await store?.close();
    await database?.drop();
  });
  afterEach(() => expect(uncaught).toEqual([]));

  it('idle connections terminated: the next read and append take fresh ones', async () => {
    const stream = uniqueStream('idle');
    await store.append(stream, [testEvent()], 'no_stream');
    expect(await terminateAll()).toBeGreaterThan(0);
    await sleep(50);
    await store.append(stream, [testEvent()], 0n);
    expect(await collect(store.readStream(stream))).toHaveLength(2);
  });

  it('a transaction whose connection is terminated between two statements fails as unavailable, and the client is not reused', async () => {
    const failed = store.database.transaction(async (tx) => {
      await tx.query('select 1');
      await terminateAll();
      await sleep(100); // the termination reaches the checked-out client while it is idle in the transaction
      await tx.query('select 2');
    });
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.database.transaction((tx) => tx.query<{ one: number }>('select 1 as one'))).toEqual([{ one: 1 }]);
  });

  it('a statement terminated while it runs: a write fails as unavailable, a read is asked again', async () => {
    // A non-read in flight: not repeated (it may have committed), reported as unavailable.
    const killAgain = sleep(300).then(terminateAll);
    await expect(store.database.query('do $$ begin perform pg_sleep(2); end $$')).rejects.toBeInstanceOf(StoreUnavailableError);
    await killAgain;
    // A read in flight: repeated on a fresh connection, the caller sees only the answer.
    const killDuringRead = sleep(300).then(terminateAll);
    expect(await store.database.query<{ answer: number }>('select 42 as answer from pg_sleep(1)')).toEqual([{ answer: 42 }]);
    expect(await killDuringRead).toBeGreaterThan(0);
  });

  it('appends under repeated terminations: every append either succeeds once or fails as unavailable, none twice', async () => {
    const stream = uniqueStream('load');
    let killing = true;
    let killed = 0;
    const killer = (async () => {
      while (killing) {
        killed += await terminateAll();
        await sleep(40 + Math.random() * 40);
      }
    })();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async (_, n) => {
        await sleep(n * 5);
        try {
          await store.append(stream, [testEvent('Counted', { n })], 'any');
          return 'ok' as const;
        } catch (error) {
          if (error instanceof StoreUnavailableError) return 'unavailable' as const;
          throw error;
        }
      }),
    );
    killing = false;
    await killer;
    expect(killed).toBeGreaterThan(0);
    const stored = await collect(store.readStream(stream));
    const ids = stored.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    // An append answered "unavailable" may still have committed before its connection died.
    expect(stored.length).toBeGreaterThanOrEqual(outcomes.filter((o) => o === 'ok').length);
    expect(stored.length).toBeLessThanOrEqual(outcomes.length);
    expect(stored.map((event) => event.revision)).toEqual(stored.map((_, i) => BigInt(i)));
  }, 60_000);
});
