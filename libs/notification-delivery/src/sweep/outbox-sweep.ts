import type { Clock } from '@planledger/engine';
import type { SqlQueryable } from '@planledger/event-store';
import type { NotificationQueue } from '../queue/notification-queue';

export interface OutboxSweepOptions {
  database: SqlQueryable;
  queue: NotificationQueue;
  clock: Clock;
  /** Virtual clock: only rows due by business time now, without delay. */
  virtual: boolean;
  /** Real clock: rows due within this window become delayed jobs. */
  horizonMs: number;
  pageSize?: number;
  onError?: (error: unknown) => void;
}

const PAGE = `select outbox_id, attempts, (extract(epoch from due_at) * 1000)::float8 as due_ms from notification_outbox
  where status in ('pending', 'sending') and due_at <= $1::timestamptz
    and (enqueued_epoch is distinct from $2 or enqueued_try is distinct from attempts)
  order by due_at, outbox_id limit $3`;

/** Rows whose worker died mid-send: waiting again, to be added again under a new job. */
const EXPIRED_CLAIMS = `update notification_outbox set status = 'pending', claimed_by = null, claimed_until = null, claim_token = null, enqueued_try = null
  where status = 'sending' and claimed_until < clock_timestamp()`;

/**
 * Puts due outbox rows into the queue: on start and every tick (NOTIFY_SWEEP_MS). Adds only what the
 * current Redis epoch lacks, so a flushed Redis gets every waiting row back and otherwise next to nothing.
 */
export class OutboxSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: OutboxSweepOptions) {}

  async sweepOnce(): Promise<{ epoch: string; added: number }> {
    const { database, queue, clock, virtual, horizonMs, pageSize = 1000 } = this.options;
    const epoch = await queue.currentEpoch();
    const now = (await clock.now()).getTime();
    await database.query(EXPIRED_CLAIMS, [], 'notify_expired_claims');
    const horizon = new Date(virtual ? now : now + horizonMs).toISOString();
    let added = 0;
    for (;;) {
      const rows = await database.query<{ outbox_id: string; attempts: number; due_ms: number }>(PAGE, [horizon, epoch, pageSize], 'notify_sweep_page');
      if (rows.length === 0) break;
      // Redis first, then the row: a crash between leaves a row unrecorded, added again next time and ignored by BullMQ (same id).
      await queue.add(rows.map((r) => ({ outboxId: r.outbox_id, attempt: Number(r.attempts), delayMs: virtual ? 0 : Number(r.due_ms) - now })), epoch);
      await database.query(
        `update notification_outbox o set enqueued_epoch = $2, enqueued_try = x.attempts
         from (select unnest($1::text[]) as outbox_id, unnest($3::int[]) as attempts) x where o.outbox_id = x.outbox_id`,
        [rows.map((r) => r.outbox_id), epoch, rows.map((r) => Number(r.attempts))], 'notify_sweep_mark');
      added += rows.length;
      if (rows.length < pageSize) break;
    }
    return { epoch, added };
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.sweepOnce().catch((error) => this.options.onError?.(error)).finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Sweeps now (after new rows were written), without waiting for the next tick. */
  nudge(): void {
    if (!this.timer || this.running) return;
    this.running = this.sweepOnce().catch((error) => this.options.onError?.(error)).finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
