import { createEventStore } from '../create-event-store';
import { StoreUnavailableError } from '../errors';
import { runMigrations } from '../sql/run-migrations';
import { describeSqlAdapterSpecifics } from '../testing/sql-adapter-specifics';
import { createTestDatabase, type TestDatabase } from '../testing/postgres-test-database';
import { collect, testEvent } from '../testing/test-events';
import { PostgresExecutor } from './postgres-executor';

describeSqlAdapterSpecifics('PostgreSQL', async () => {
  const database = await createTestDatabase('sql');
  const executor = new PostgresExecutor({ connectionString: database.url });
  await runMigrations(executor);
  return {
    executor,
    cleanup: async () => {
      await executor.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL store start-up', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('startup');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrates safely when several processes start at once on an empty database', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => createEventStore({ databaseUrl: database.url, maxConnections: 2 })));
    await stores[0].append('shared', [testEvent()], 'no_stream');
    expect(await collect(stores[3].readStream('shared'))).toHaveLength(1);
    await Promise.all(stores.map((store) => store.close()));
    const executor = new PostgresExecutor({ connectionString: database.url });
    const rows = await executor.query<{ version: number }>('select version from event_store_migrations order by version');
    await executor.close();
    expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4]);
  });

  it('reports an unreachable server as StoreUnavailableError', async () => {
    await expect(createEventStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
