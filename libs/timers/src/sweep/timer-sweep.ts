import type { Clock } from '@planledger/engine';
import type { SqlQueryable } from '@planledger/event-store';
import type { TimerObserver } from '../processor/timer-observer';
import type { TimerQueue } from '../queue/timer-queue';
import { NOT_FIRED, epochMs } from '../sql/timer-tables';
import { enqueueTimers, type DueTimer } from './enqueue-timers';

export interface TimerSweepOptions {
  database: SqlQueryable;
  queue: TimerQueue;
  clock: Clock;
  /** Virtual clock: only timers due by business time "now", with no delay (0005). */
  virtual: boolean;
  /** Real clock: timers due within this window are materialised as delayed jobs. */
  horizonMs: number;
  pageSize?: number;
  observer?: TimerObserver;
  /** A periodic sweep that fails is reported here and tried again at the next tick. */
  onError?: (error: unknown) => void;
}

export interface SweepReport {
  epoch: string;
  added: number;
}

/*
 * Keyset pages over (due_at, timer_id): each page is one range read on the due_at index (the
 * redundant `due_at >= $2` lets the planner use it), whatever the number of timers before it.
 */
const PENDING_PAGE = `select t.timer_id, ${epochMs('t.due_at')} as due_ms from read_timers t
  where t.due_at <= $1::timestamptz and t.due_at >= $2::timestamptz and (t.due_at, t.timer_id) > ($2::timestamptz, $3::text)
    and ${NOT_FIRED}
    and not exists (select 1 from timer_enqueued e where e.timer_id = t.timer_id and e.epoch = $4)
  order by t.due_at, t.timer_id
  limit $5`;

/**
 * Materialises pending timers from read_timers into the queue: on start and every interval.
 * Adds only what the current Redis epoch does not hold yet, so after a Redis loss it re-adds
 * everything within the horizon, and otherwise next to nothing.
 */
export class TimerSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: TimerSweepOptions) {}

  async sweepOnce(): Promise<SweepReport> {
    const { database, queue, clock, virtual, horizonMs, pageSize = 1000 } = this.options;
    const epoch = await queue.currentEpoch();
    const now = (await clock.now()).getTime();
    const horizonEnd = new Date(virtual ? now : now + horizonMs).toISOString();
    let after = { due: '-infinity', id: '' };
    let added = 0;
    for (;;) {
      // Unnamed on purpose: planned for this page's own keyset values. A named statement's generic
      // plan, fixed after five pages, knows neither where the page starts nor how many timers are
      // already enqueued, and on PostgreSQL it sorted what was left of the horizon for every page.
      const rows = await database.query<{ timer_id: string; due_ms: number }>(PENDING_PAGE, [horizonEnd, after.due, after.id, epoch, pageSize]);
      const page: DueTimer[] = rows.map((row) => ({ timerId: row.timer_id, dueMs: Number(row.due_ms) }));
      added += await enqueueTimers(database, queue, page, now, epoch);
      if (page.length < pageSize) break;
      const last = page[page.length - 1];
      after = { due: new Date(last.dueMs).toISOString(), id: last.timerId };
    }
    if (added > 0) this.options.observer?.onScheduled?.(added);
    return { epoch, added };
  }

  /** Sweeps now and then every `intervalMs`; a tick never overlaps a sweep still running. */
  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.sweepOnce()
        .catch((error) => this.options.onError?.(error))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the ticks and waits for a sweep in flight, so the database can close after it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
