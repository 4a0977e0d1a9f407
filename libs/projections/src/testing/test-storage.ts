import { openEventStorage, type EventStore, type SqlExecutor } from '@planledger/event-store';
import { createTestDatabase, openFreshPgliteStore } from '@planledger/event-store/testing';
import { migrateReadModels } from '../sql/migrate-read-models';

export interface TestStorage {
  store: EventStore;
  database: SqlExecutor;
  /** Another connection pool to the same database (PostgreSQL only): a second process. */
  openAnother?(): Promise<{ store: EventStore; database: SqlExecutor; close(): Promise<void> }>;
  close(): Promise<void>;
}

export type OpenTestStorage = () => Promise<TestStorage>;

/** PGlite cloned from the event store's migrated template, plus the read models. */
export const openPgliteTestStorage: OpenTestStorage = async () => {
  const store = await openFreshPgliteStore();
  await migrateReadModels(store.database);
  return { store, database: store.database, close: () => store.close() };
};

/** A fresh PostgreSQL database for one test file, dropped on close. */
export const openPostgresTestStorage: OpenTestStorage = async () => {
  const testDatabase = await createTestDatabase('projections');
  const open = async () => {
    const storage = await openEventStorage({ databaseUrl: testDatabase.url, maxConnections: 4 });
    return { store: storage.store, database: storage.database, close: () => storage.close() };
  };
  const first = await open();
  await migrateReadModels(first.database);
  const others: { close(): Promise<void> }[] = [];
  return {
    ...first,
    openAnother: async () => {
      const another = await open();
      others.push(another);
      return another;
    },
    close: async () => {
      for (const other of others) await other.close().catch(() => undefined);
      await first.close();
      await testDatabase.drop();
    },
  };
};
