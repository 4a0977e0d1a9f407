import type { SqlExecutor } from '@planledger/event-store';
import { READ_MODEL_MIGRATIONS, type ReadModelMigration } from './migrations';

/** Not the event store's key: both migrations may run at once in one database without waiting on each other. */
const READ_MODELS_MIGRATION_LOCK_KEY = 7_361_204_552;

/**
 * Applies the missing read-model migrations in one transaction. The transaction-scoped advisory
 * lock makes a second process wait, then find everything applied: safe from many processes.
 * Returns the versions applied now.
 */
export async function migrateReadModels(
  database: SqlExecutor,
  migrations: readonly ReadModelMigration[] = READ_MODEL_MIGRATIONS,
): Promise<number[]> {
  return database.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${READ_MODELS_MIGRATION_LOCK_KEY})`);
    await tx.query(`create table if not exists read_models_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const rows = await tx.query<{ version: number }>('select version from read_models_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('insert into read_models_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
