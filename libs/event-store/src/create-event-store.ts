import { eventStoreConfigSchema, type EventStoreConfig } from './config';
import { InvalidConfigError } from './errors';
import { openKurrentEventStore } from './kurrentdb/open-kurrent-event-store';
import { openPgliteEventStore } from './pglite/open-pglite-event-store';
import type { EventStore } from './port/event-store';
import { openPostgresEventStore } from './postgres/open-postgres-event-store';

/**
 * Picks the adapter: KurrentDB when kurrentdbUrl is set, PostgreSQL when databaseUrl is set,
 * otherwise embedded PGlite in dataDir (in memory without one). Migrates before returning.
 */
export async function createEventStore(config: EventStoreConfig = {}): Promise<EventStore> {
  const parsed = eventStoreConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidConfigError(`config${issue.path.map((part) => `.${String(part)}`).join('')}`, issue.message);
  }
  const { databaseUrl, kurrentdbUrl, dataDir, maxConnections } = parsed.data;
  if (kurrentdbUrl) return openKurrentEventStore(kurrentdbUrl);
  if (databaseUrl) return openPostgresEventStore(databaseUrl, maxConnections);
  return openPgliteEventStore({ dataDir });
}
