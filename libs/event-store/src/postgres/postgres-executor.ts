import { Pool, type PoolConfig } from 'pg';
import type { SqlExecutor, SqlQueryable } from '../sql/sql-executor';

export class PostgresExecutor implements SqlExecutor {
  private readonly pool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool(config);
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(text: string, params: readonly unknown[] = [], statementName?: string): Promise<Row[]> {
    const result = await this.pool.query({ text, values: params as unknown[], ...(statementName && { name: statementName }) });
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work({
        query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as Row[],
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
