import { runMigrations, type SqlExecutor } from '@planledger/event-store';
import { migrateReadModels } from '@planledger/projections';
import { TIMER_SCHEMA } from './timer-migrations';

/**
 * The read models' migrations, then the timers' own (timer_firings, timer_enqueued): the timers'
 * queries join read_timers, and timer_firings was born in the read models' set (see
 * timer-migrations.ts). Safe from many processes at once; the service runs it before Nest starts.
 */
export async function migrateTimerTables(database: SqlExecutor): Promise<void> {
  await migrateReadModels(database);
  await runMigrations(database, TIMER_SCHEMA);
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
