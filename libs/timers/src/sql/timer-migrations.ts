import type { Migration, MigrationSet } from '@planledger/event-store';

/*
 * The timer worker's own tables, beside the read models in the same database. Operational, not
 * read models: a projection rebuild never touches them. Append-only list like the event store's:
 * never edit a released migration, add a new one.
 *
 * timer_firings was first created by the read models' migration 2 (released, so it stays there);
 * "if not exists" adopts that table in every database that has it, and this set owns it from now
 * on. For that reason the read models' migrations must run first (`migrateTimerTables` does).
 */
const timerTables = `
create table if not exists timer_firings (
  timer_id  text primary key,
  fired_at  timestamptz not null,
  outcome   text not null
);
-- Which timers the current Redis epoch already holds as jobs, so that a sweep adds only what is missing.
create table if not exists timer_enqueued (
  timer_id  text primary key,
  epoch     text not null
);
`;

/*
 * The sweep pages through pending timers by keyset on (due_at, timer_id) (sweep/timer-sweep.ts). On
 * read_timers_due_at alone, PostgreSQL read every row left in the horizon and sorted them for each
 * page of 1000 (a plan's timers share a few hundred instants), so a sweep of 100,000 timers was
 * quadratic: ~93 timers/s. On this index each page is one range read that stops after the page.
 */
const sweepIndex = 'create index if not exists read_timers_due_order on read_timers (due_at, timer_id);';

const TIMER_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'timer firings and enqueued timers', sql: timerTables },
  { version: 2, name: 'index pending timers in the sweep\'s keyset order', sql: sweepIndex },
];

/** Not the event store's nor the read models' lock key: the three sets never wait on each other. */
export const TIMER_SCHEMA: MigrationSet = { table: 'timers_migrations', lockKey: 7_361_204_553, migrations: TIMER_MIGRATIONS };
