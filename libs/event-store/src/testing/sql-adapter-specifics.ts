import { runMigrations } from '../sql/run-migrations';
import { SqlEventStore } from '../sql/sql-event-store';
import type { SqlExecutor } from '../sql/sql-executor';
import { collect, testEvent, uniqueStream } from './test-events';

/**
 * What only the SQL adapters (PostgreSQL, PGlite) promise: the append-only trigger, and verify
 * catching a superuser who bypasses it. `open` returns a migrated executor on a database of its own.
 */
export function describeSqlAdapterSpecifics(adapter: string, open: () => Promise<{ executor: SqlExecutor; cleanup: () => Promise<void> }>): void {
  describe(`SQL adapter: ${adapter}`, () => {
    let executor: SqlExecutor;
    let cleanup: () => Promise<void>;
    let store: SqlEventStore;

    beforeAll(async () => {
      ({ executor, cleanup } = await open());
      store = new SqlEventStore(executor);
    }, 120_000);
    afterAll(async () => {
      await cleanup?.();
    });

    it('rejects UPDATE, DELETE and TRUNCATE on the events table', async () => {
      const stream = uniqueStream('append-only');
      await store.append(stream, [testEvent()], 'no_stream');
      await expect(executor.query(`update event_store_events set type = 'X' where stream = $1`, [stream])).rejects.toThrow(/append-only: UPDATE rejected/);
      await expect(executor.query('delete from event_store_events where stream = $1', [stream])).rejects.toThrow(/append-only: DELETE rejected/);
      await expect(executor.query('truncate event_store_events')).rejects.toThrow(/append-only: TRUNCATE rejected/);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it('has verify report the stream and revision of one byte changed behind the trigger', async () => {
      const tampered = uniqueStream('tampered');
      const untouched = uniqueStream('untouched');
      await store.append(tampered, [0, 1, 2, 3, 4].map((n) => testEvent('Graded', { student: 'Li Wei', grade: 'B', n })), 'no_stream');
      await store.append(untouched, [testEvent('Graded', { student: 'Li Wei', grade: 'B' })], 'no_stream');
      const before = await store.verify();
      expect(before.brokenLinks).toEqual([]);

      // A superuser switches the trigger off and turns one 'B' into an 'A'.
      await executor.query('alter table event_store_events disable trigger event_store_events_append_only');
      await executor.query(`update event_store_events set data = replace(data::text, '"B"', '"A"')::json where stream = $1 and revision = 2`, [tampered]);
      await executor.query('alter table event_store_events enable trigger event_store_events_append_only');
      const [, , changed] = await collect(store.readStream(tampered));
      expect(changed.data).toMatchObject({ grade: 'A' });

      const after = await store.verify();
      expect(after.brokenLinks).toEqual([{ stream: tampered, revision: 2n, expected: expect.stringMatching(/^[0-9a-f]{64}$/), found: changed.hash }]);
      expect(after.brokenLinks[0].expected).not.toBe(changed.hash);
      expect(after.eventsChecked).toBe(before.eventsChecked);
    });

    it('runs migrations idempotently: a second run applies nothing', async () => {
      expect(await runMigrations(executor)).toEqual([]);
      const rows = await executor.query<{ version: number }>('select version from event_store_migrations order by version');
      expect(rows.map((row) => Number(row.version))).toEqual([1, 2, 3, 4]);
    });
  });
}
