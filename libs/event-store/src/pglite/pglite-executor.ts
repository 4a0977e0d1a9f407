import type { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/** PGlite has one connection: its own queue serialises queries and transactions. */
export class PgliteExecutor implements SqlExecutor {
  constructor(private readonly db: PGlite) {}

  async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    // Parameterless statements may hold several commands (migrations); exec runs them all.
    if (params.length === 0) {
      const results = await this.db.exec(text);
      return (results[results.length - 1]?.rows ?? []) as Row[];
    }
    return (await this.db.query<Row>(text, params as unknown[])).rows;
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
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

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
