import { StoreUnavailableError } from '../errors';
import { runMigrations } from '../sql/run-migrations';
import { SqlEventStore } from '../sql/sql-event-store';
import { mapUnavailable } from '../sql/map-sql-error';
import { PostgresExecutor } from './postgres-executor';

export async function openPostgresEventStore(databaseUrl: string, maxConnections = 10): Promise<SqlEventStore> {
  const executor = new PostgresExecutor({ connectionString: databaseUrl, max: maxConnections });
  try {
    await runMigrations(executor);
  } catch (error) {
    await executor.close().catch(() => undefined);
    const mapped = mapUnavailable(error, 'migrating the PostgreSQL schema');
    if (mapped instanceof StoreUnavailableError) throw mapped;
    throw new StoreUnavailableError(`could not migrate the PostgreSQL event store: ${(error as Error).message}`, { cause: error });
  }
  return new SqlEventStore(executor);
}
