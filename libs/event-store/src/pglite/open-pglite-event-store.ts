import { PGlite } from '@electric-sql/pglite';
import { StoreUnavailableError } from '../errors';
import { runMigrations } from '../sql/run-migrations';
import { SqlEventStore } from '../sql/sql-event-store';
import { PgliteExecutor } from './pglite-executor';

export interface PgliteOpenOptions {
  /** Directory holding the database; in memory when absent. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (cheap fresh databases for tests). */
  loadDataDir?: Blob | File;
}

export async function openPgliteEventStore(options: PgliteOpenOptions = {}): Promise<SqlEventStore> {
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    throw new StoreUnavailableError(`could not open PGlite at ${options.dataDir ?? 'memory'}: ${(error as Error).message}`, { cause: error });
  }
  const executor = new PgliteExecutor(db);
  try {
    await runMigrations(executor);
  } catch (error) {
    await executor.close().catch(() => undefined);
    throw new StoreUnavailableError(`could not migrate the PGlite event store: ${(error as Error).message}`, { cause: error });
  }
  return new SqlEventStore(executor);
}
