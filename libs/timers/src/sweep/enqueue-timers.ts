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
  await database.query(
    `insert into timer_enqueued (timer_id, epoch) select unnest($1::text[]), $2
     on conflict (timer_id) do update set epoch = excluded.epoch`,
    [timers.map((timer) => timer.timerId), epoch],
    'timers_record_enqueued',
  );
  return timers.length;
}
