import { runMigrations, type MigrationSet, type SqlExecutor } from '@planledger/event-store';

/**
 * Which files were uploaded for which assignment, by whom and when (docs/decisions/0010-files.md):
 * a side table beside the read models, not events. An upload alone changes nothing in the plan;
 * the submission or progress report that references a file is the fact, and its event records
 * the file's SHA-256 and metadata, so the hash chain covers the document. This table only lets a
 * submission reference, and a download serve, a file uploaded for that same assignment.
 */
export const FILE_MIGRATIONS: MigrationSet = {
  table: 'file_migrations',
  // Not the event store's, the read models', the timers', the notifications' nor the accounts' key.
  lockKey: 7_361_204_620,
  migrations: [
    {
      version: 1,
      name: 'files uploaded for assignments',
      sql: `
        create table if not exists assignment_files (
          plan_id text not null,
          assignment_id text not null,
          sha256 text not null,
          name text not null,
          size bigint not null,
          media_type text not null,
          uploaded_by text not null,
          uploaded_by_role text not null,
          uploaded_by_department text,
          uploaded_at timestamptz not null,
          primary key (plan_id, assignment_id, sha256)
        );`,
    },
  ],
};

export const migrateFileTables = (database: SqlExecutor): Promise<number[]> => runMigrations(database, FILE_MIGRATIONS);
