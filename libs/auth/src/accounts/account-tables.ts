import { runMigrations, type MigrationSet, type SqlExecutor } from '@planledger/event-store';

/**
 * Credentials and sessions: secrets and per-request state, not facts for the record. They live
 * in tables beside the read models (the same database as the event store on PostgreSQL, so every
 * api process sees the same sessions), and can be erased without touching the hash chain.
 */
export const ACCOUNT_MIGRATIONS: MigrationSet = {
  table: 'account_migrations',
  lockKey: 7_361_204_611,
  migrations: [
    {
      version: 1,
      name: 'credentials and sessions',
      sql: `
        create table if not exists person_credentials (
          person_id text primary key,
          password_hash text,
          failed_sign_ins integer not null default 0,
          locked_until timestamptz,
          revoked_at timestamptz,
          updated_at timestamptz not null
        );
        create table if not exists person_sessions (
          id_sha256 text primary key,
          person_id text not null,
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          expires_at timestamptz not null,
          ended_at timestamptz,
          ended_reason text,
          client_address text not null
        );
        create index if not exists person_sessions_open on person_sessions (person_id) where ended_at is null;
        create index if not exists person_sessions_created on person_sessions (created_at);`,
    },
  ],
};

export const migrateAccountTables = (database: SqlExecutor): Promise<number[]> => runMigrations(database, ACCOUNT_MIGRATIONS);
