import { MIGRATIONS, type Migration } from './migrations';
import type { SqlExecutor } from './sql-executor';

/** Which list of migrations, recorded in which table, under which advisory lock. */
export interface MigrationSet {
  /** Table recording the versions applied (created when missing). */
  table: string;
  /** Arbitrary but fixed per set: two sets in one database never wait on each other. */
  lockKey: number;
  migrations: readonly Migration[];
}

export const EVENT_STORE_MIGRATIONS: MigrationSet = { table: 'event_store_migrations', lockKey: 7_361_204_551, migrations: MIGRATIONS };

/**
 * Applies the missing migrations in one transaction. The transaction-scoped advisory lock makes a
 * second process wait, then find everything applied: safe to run from many processes at once.
 * Returns the versions applied now. The event store's own set by default; read models bring theirs.
 */
export async function runMigrations(executor: SqlExecutor, set: MigrationSet = EVENT_STORE_MIGRATIONS): Promise<number[]> {
  if (!/^[a-z_]+$/.test(set.table)) throw new Error(`migration table name "${set.table}" is not a plain identifier`);
  return executor.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${set.lockKey})`);
    await tx.query(`create table if not exists ${set.table} (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const rows = await tx.query<{ version: number }>(`select version from ${set.table}`);
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of [...set.migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query(`insert into ${set.table} (version, name) values ($1, $2)`, [migration.version, migration.name]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
