import { runMigrations, type SqlExecutor } from '@planledger/event-store';
import { READ_MODEL_MIGRATIONS, type ReadModelMigration } from './migrations';
import { NOTIFICATION_SCHEMA } from './notification-migrations';

/** Not the event store's lock key: both sets may migrate at once in one database without waiting on each other. */
const READ_MODELS_MIGRATION_LOCK_KEY = 7_361_204_552;

/**
 * Applies the missing read-model migrations (safe from many processes at once); returns the versions applied now.
 * The notifications' tables come along: the projection batch writes the outbox.
 */
export async function migrateReadModels(database: SqlExecutor, migrations: readonly ReadModelMigration[] = READ_MODEL_MIGRATIONS): Promise<number[]> {
  const applied = await runMigrations(database, { table: 'read_models_migrations', lockKey: READ_MODELS_MIGRATION_LOCK_KEY, migrations });
  await runMigrations(database, NOTIFICATION_SCHEMA);
  return applied;
}
