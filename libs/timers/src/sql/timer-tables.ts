import type { SqlQueryable } from '@planledger/event-store';

/**
 * timer_enqueued: which timers the current Redis epoch already holds as jobs, so that a sweep adds
 * only what is missing. Operational like timer_firings, owned by this library (not a read model:
 * a projection rebuild must not touch it), hence its own idempotent statement instead of a
 * migration list.
 */
export async function migrateTimerTables(database: SqlQueryable): Promise<void> {
  await database.query('create table if not exists timer_enqueued (timer_id text primary key, epoch text not null)');
}

/** Timer kinds in firing order for one instant (mirrors the domain's timerKindOrder). */
export function kindRankSql(timerKindOrder: Record<string, number>, column = 'kind'): string {
  const cases = Object.entries(timerKindOrder).map(([kind, rank]) => `when '${kind}' then ${rank}`);
  return `(case ${column} ${cases.join(' ')} else 99 end)`;
}

/** A timestamptz as epoch milliseconds: the same JS number from pg and from PGlite's worker thread. */
export const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8`;

/** "Pending" per 0005: still in read_timers, never recorded as fired. */
export const NOT_FIRED = 'not exists (select 1 from timer_firings f where f.timer_id = t.timer_id)';
