import type { PGlite } from '@electric-sql/pglite';
import { StoreUnavailableError } from '../errors';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/**
 * A failure of PGlite itself (its WebAssembly aborted, the instance closed) rather than of one
 * statement: every later query would fail too, so it is reported as unavailable, never thrown raw.
 */
function mapPgliteFailure(error: unknown, db: PGlite): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const engineFailure = (error as Error | undefined)?.name === 'RuntimeError' || db.closed;
  return engineFailure ? new StoreUnavailableError(`PGlite stopped: ${(error as Error)?.message ?? String(error)}`, { cause: error }) : error;
}

/** PGlite has one connection: its own queue serialises queries and transactions. */
export class PgliteExecutor implements SqlExecutor {
  constructor(private readonly db: PGlite) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    try {
      // Parameterless statements may hold several commands (migrations); exec runs them all.
      if (params.length === 0) {
        const results = await this.db.exec(text);
        return (results[results.length - 1]?.rows ?? []) as Row[];
      }
      return (await this.db.query<Row>(text, params as unknown[])).rows;
    } catch (error) {
      throw mapPgliteFailure(error, this.db);
    }
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.runTransaction(work).catch((error: unknown) => {
      throw mapPgliteFailure(error, this.db);
    });
  }

  private runTransaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => {
          if (params.length === 0) {
            const results = await tx.exec(text);
            return (results[results.length - 1]?.rows ?? []) as Row[];
          }
          return (await tx.query<Row>(text, params as unknown[])).rows;
        },
      }),
    );
  }

  /** A tarball of the whole database, for `loadDataDir`. */
  async dumpDataDir(): Promise<ArrayBuffer> {
    return (await this.db.dumpDataDir('none')).arrayBuffer();
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
