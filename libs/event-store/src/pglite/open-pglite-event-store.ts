import { mkdirSync, rmSync } from 'node:fs';
import { StoreUnavailableError } from '../errors';
import { runMigrations } from '../sql/run-migrations';
import { SqlEventStore } from '../sql/sql-event-store';
import type { SqlExecutor } from '../sql/sql-executor';
import { PgliteExecutor } from './pglite-executor';
import { isNewDataDir, readPgliteTemplate } from './pglite-template';
import { PgliteWorkerExecutor } from './pglite-worker-executor';

export interface PgliteOpenOptions {
  /** Directory holding the database; in memory when absent. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (cheap fresh databases for tests). */
  loadDataDir?: ArrayBuffer;
  /**
   * Run PGlite in a worker thread. Defaults to true under jest, whose VM cannot run PGlite's
   * dynamic imports, and false elsewhere (in-process is faster).
   */
  inWorker?: boolean;
}

export async function openPgliteEventStore(options: PgliteOpenOptions = {}): Promise<SqlEventStore> {
  let executor: SqlExecutor;
  try {
    executor = await openPgliteExecutor(options);
  } catch (error) {
    throw new StoreUnavailableError(`could not open PGlite at ${options.dataDir ?? 'memory'}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await runMigrations(executor);
  } catch (error) {
    await executor.close().catch(() => undefined);
    throw new StoreUnavailableError(`could not migrate the PGlite event store: ${(error as Error).message}`, { cause: error });
  }
  return new SqlEventStore(executor);
}

/**
 * Opens PGlite. A data directory that has never been initialised starts from the installed
 * version's initdb template when there is one (a fraction of initdb's time; see pglite-template).
 */
export async function openPgliteExecutor(options: PgliteOpenOptions): Promise<PgliteExecutor | PgliteWorkerExecutor> {
  const template = options.dataDir !== undefined && options.loadDataDir === undefined && isNewDataDir(options.dataDir) ? readPgliteTemplate() : undefined;
  if (!template || !options.dataDir) return openExecutor(options);
  try {
    return await openExecutor({ ...options, loadDataDir: template });
  } catch {
    // A template PGlite cannot read (damaged, or made by another build): initdb as without one.
    rmSync(options.dataDir, { recursive: true, force: true });
    return openExecutor(options);
  }
}

async function openExecutor(options: PgliteOpenOptions): Promise<PgliteExecutor | PgliteWorkerExecutor> {
  const inWorker = options.inWorker ?? process.env.JEST_WORKER_ID !== undefined;
  const { dataDir, loadDataDir } = options;
  if (inWorker) return PgliteWorkerExecutor.open({ dataDir, loadDataDir });
  // PGlite creates only the last folder of the path; a fresh ./data needs its parents.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Imported lazily so that merely loading this module under jest never evaluates PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  return new PgliteExecutor(await PGlite.create(dataDir, loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}));
}
