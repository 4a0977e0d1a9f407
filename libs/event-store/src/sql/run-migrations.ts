import { MIGRATIONS, type Migration } from './migrations';
import type { SqlExecutor } from './sql-executor';

/** Arbitrary but fixed: every process migrating the same database takes this advisory lock. */
const MIGRATION_LOCK_KEY = 7_361_204_551;

/**
 * Applies the missing migrations in one transaction. The transaction-scoped advisory lock makes a
 * second process wait, then find everything applied: safe to run from many processes at once.
 */
export async function runMigrations(executor: SqlExecutor, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return executor.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query(`create table if not exists event_store_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const rows = await tx.query<{ version: number }>('select version from event_store_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('insert into event_store_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
