import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { StoreUnavailableError } from '../errors';
import { mapUnavailable } from '../sql/map-sql-error';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

/** A read that lost its connection is asked again on a fresh one, this many times. */
const READ_ATTEMPTS = 3;
const READ_RETRY_DELAY_MS = 50;
/** Only a plain SELECT is certainly harmless to send twice (a write may have committed before the loss). */
const isRead = (text: string) => /^\s*select\b/i.test(text);

/**
 * The pg pool under the PostgreSQL adapter. A connection can die at any moment (failover, idle
 * timeout, `pg_terminate_backend`): every client, idle or checked out, has an 'error' listener, so
 * a lost connection never becomes an uncaught exception; the statement in flight fails with
 * StoreUnavailableError (reads are first retried on a fresh connection), and the broken client is
 * destroyed instead of going back to the pool.
 */
export class PostgresExecutor implements SqlExecutor {
  private readonly pool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool(config);
    // An idle client losing its connection: the pool drops it; the next query takes another.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(text: string, params: readonly unknown[] = [], statementName?: string): Promise<Row[]> {
    const attempts = isRead(text) ? READ_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        // pool.query listens for the client's 'error' itself while the statement runs.
        const result = await this.pool.query({ text, values: params as unknown[], ...(statementName && { name: statementName }) });
        return result.rows as Row[];
      } catch (error) {
        const mapped = mapUnavailable(error, 'querying PostgreSQL');
        if (!(mapped instanceof StoreUnavailableError) || attempt >= attempts) throw mapped;
        await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS * attempt));
      }
    }
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.connect();
    // Checked out, a client has no listener of the pool's: without ours, its connection dying
    // (between two statements of the transaction) would be an uncaught 'error' event.
    let lost: unknown;
    const onError = (error: Error) => (lost = error);
    client.on('error', onError);
    try {
      await client.query('begin');
      const result = await work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as Row[],
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const mapped = mapUnavailable(lost ?? error, 'in a PostgreSQL transaction');
      if (mapped instanceof StoreUnavailableError) lost ??= mapped;
      throw mapped;
    } finally {
      client.off('error', onError);
      // A client whose connection failed is destroyed, not handed to the next caller.
      client.release(lost === undefined ? undefined : (lost as Error));
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw mapUnavailable(error, 'connecting to PostgreSQL');
    }
  }
}
