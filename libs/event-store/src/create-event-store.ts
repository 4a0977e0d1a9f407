import { parseEventStoreConfig, type EventStoreConfig } from './config';
import { openKurrentEventStore } from './kurrentdb/open-kurrent-event-store';
import { openPgliteEventStore } from './pglite/open-pglite-event-store';
import type { EventStore } from './port/event-store';
import { openPostgresEventStore } from './postgres/open-postgres-event-store';

/**
 * Picks the adapter: KurrentDB when kurrentdbUrl is set, PostgreSQL when databaseUrl is set,
 * otherwise embedded PGlite in dataDir (in memory without one). Migrates before returning.
 */
export async function createEventStore(config: EventStoreConfig = {}): Promise<EventStore> {
  const { databaseUrl, kurrentdbUrl, dataDir, maxConnections } = parseEventStoreConfig(config);
  if (kurrentdbUrl) return openKurrentEventStore(kurrentdbUrl);
  if (databaseUrl) return openPostgresEventStore(databaseUrl, maxConnections);
  return openPgliteEventStore({ dataDir });
}
