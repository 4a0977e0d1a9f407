import { join } from 'node:path';
import { parseEventStoreConfig, type EventStoreConfig } from './config';
import { openKurrentEventStore } from './kurrentdb/open-kurrent-event-store';
import { openPgliteEventStore, openPgliteExecutor } from './pglite/open-pglite-event-store';
import type { EventStore } from './port/event-store';
import { openPostgresEventStore } from './postgres/open-postgres-event-store';
import type { SqlExecutor } from './sql/sql-executor';

/**
 * The event store and the SQL database that holds the read models. With PostgreSQL or PGlite
 * they are one database, so a projection can write its rows and its checkpoint in one
 * transaction. KurrentDB holds only events: its read models go to PGlite under dataDir.
 */
export interface EventStorage {
  store: EventStore;
  database: SqlExecutor;
  /** Only PostgreSQL can be shared by several processes; PGlite belongs to one. */
  kind: 'postgres' | 'pglite' | 'kurrentdb';
  close(): Promise<void>;
}

export async function openEventStorage(config: EventStoreConfig = {}): Promise<EventStorage> {
  const { databaseUrl, kurrentdbUrl, dataDir, maxConnections } = parseEventStoreConfig(config);
  if (kurrentdbUrl) {
    const store = await openKurrentEventStore(kurrentdbUrl);
    const database = await openPgliteExecutor({ dataDir: dataDir && join(dataDir, 'read-models') });
    return { store, database, kind: 'kurrentdb', close: async () => { await store.close(); await database.close(); } };
  }
  const store = databaseUrl ? await openPostgresEventStore(databaseUrl, maxConnections) : await openPgliteEventStore({ dataDir });
  return { store, database: store.database, kind: databaseUrl ? 'postgres' : 'pglite', close: () => store.close() };
}
