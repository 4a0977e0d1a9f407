import type { SqlQueryable } from '@planledger/event-store';
import type { TimerQueue } from '../queue/timer-queue';

export interface DueTimer {
  timerId: string;
  dueMs: number;
}

/**
 * Adds jobs for `timers` (delay = due − now, never negative) and records them under `epoch`.
 * Redis first, then the table: a crash in between leaves a timer unrecorded, which the next sweep
 * adds again and BullMQ ignores (same job id) — never a timer recorded but missing.
 */
export async function enqueueTimers(database: SqlQueryable, queue: TimerQueue, timers: readonly DueTimer[], now: number, epoch: string): Promise<number> {
  if (timers.length === 0) return 0;
  await queue.add(timers.map((timer) => ({ timerId: timer.timerId, delayMs: timer.dueMs - now, timestamp: now })));
  await recordEnqueued(database, timers.map((timer) => timer.timerId), epoch);
  return timers.length;
}

/**
 * Timers due now, in bucket jobs of at most `bucketSize` (the virtual clock's groups), recorded
 * under `epoch` like single jobs: Redis first, then the table.
 */
export async function enqueueBuckets(database: SqlQueryable, queue: TimerQueue, timerIds: readonly string[], bucketSize: number, now: number, epoch: string): Promise<number> {
  if (timerIds.length === 0) return 0;
  const buckets: string[][] = [];
  for (let start = 0; start < timerIds.length; start += bucketSize) buckets.push(timerIds.slice(start, start + bucketSize));
  await queue.addBuckets(buckets, now);
  await recordEnqueued(database, timerIds, epoch);
  return timerIds.length;
}

async function recordEnqueued(database: SqlQueryable, timerIds: readonly string[], epoch: string): Promise<void> {
  await database.query(
    `insert into timer_enqueued (timer_id, epoch) select unnest($1::text[]), $2
     on conflict (timer_id) do update set epoch = excluded.epoch`,
    [timerIds, epoch],
    'timers_record_enqueued',
  );
}
