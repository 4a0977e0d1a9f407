import { timerKindOrder } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import type { TimerObserver } from '../processor/timer-observer';
import type { TimerQueue } from '../queue/timer-queue';
import { enqueueBuckets } from '../sweep/enqueue-timers';
import { NOT_FIRED, epochMs, kindRankSql } from '../sql/timer-tables';

export interface VirtualClockAdvancerOptions {
  database: SqlQueryable;
  queue: TimerQueue;
  /** The virtual clock: business time, moved forward only (the runtime's VirtualClock). */
  clock: { now(): Promise<Date>; set(to: Date): Promise<unknown> };
  /** Resolves once every projection (read_timers included) has applied the store's events. */
  waitUntilCaughtUp: () => Promise<void>;
  /** How often the database is asked whether the enqueued timers have fired. */
  pollMs?: number;
  /** Longest wait with no timer of a group firing (a job failing for good would block forever). */
  groupTimeoutMs?: number;
  /**
   * Timers per job: a group is enqueued as bucket jobs of this many timers, each fired in a few
   * round trips (TimerProcessor.processMany). Smaller buckets spread a group over more workers.
   */
  bucketSize?: number;
  /** Told how many jobs the advancer added (they count as scheduled, like the sweep's). */
  observer?: TimerObserver;
}

export interface AdvanceReport {
  /** Distinct business instants the clock stopped at. */
  steps: number;
  /** Timers handled on the way (any outcome). */
  fired: number;
}

export class AdvanceTimeoutError extends Error {
  constructor(readonly at: Date, readonly waitingFor: string[]) {
    super(`timers due at ${at.toISOString()} did not fire in time: ${waitingFor.slice(0, 5).join(', ')}${waitingFor.length > 5 ? ` and ${waitingFor.length - 5} more` : ''}`);
    this.name = 'AdvanceTimeoutError';
  }
}

const RANK = kindRankSql(timerKindOrder, 't.kind');

/** The earliest pending group: one instant and one kind rank. */
const NEXT_GROUP = `select ${epochMs('t.due_at')} as due_ms, t.due_at::text as due_text, ${RANK} as rank from read_timers t
  where t.due_at <= $1::timestamptz and ${NOT_FIRED}
  order by t.due_at, ${RANK} limit 1`;

const GROUP_TIMERS = `select t.timer_id, exists (select 1 from timer_enqueued e where e.timer_id = t.timer_id and e.epoch = $3) as enqueued
  from read_timers t
  where t.due_at = $1::timestamptz and ${RANK} = $2 and ${NOT_FIRED}`;

const STILL_PENDING = `select t.timer_id from read_timers t where t.timer_id = any($1::text[]) and ${NOT_FIRED}`;
const POLL_WINDOW = 200;
const DEFAULT_BUCKET_SIZE = 100;

/**
 * Moves the virtual clock to a target through every instant at which a timer is due, as 0005
 * describes: set the clock to the instant, enqueue what is due, wait until it has fired and the
 * projections have caught up (firing can create timers: an issued assignment gets its reminders),
 * and go on. Within one instant the kinds fire one after another in the domain's order (a phase
 * opens before its work is issued, an overdue mark precedes the escalation due with it), as in
 * the simulator; a timer created with a due time already passed fires at the current instant.
 */
export class VirtualClockAdvancer {
  /** The clock it moves; the api reads business time from it. */
  readonly clock: VirtualClockAdvancerOptions['clock'];

  constructor(private readonly options: VirtualClockAdvancerOptions) {
    this.clock = options.clock;
  }

  async advanceTo(target: Date): Promise<AdvanceReport> {
    const { database, clock, waitUntilCaughtUp } = this.options;
    let current = -Infinity;
    let steps = 0;
    let fired = 0;
    await waitUntilCaughtUp();
    for (;;) {
      const [next] = await database.query<{ due_ms: number; due_text: string; rank: number }>(NEXT_GROUP, [target.toISOString()], 'timers_advance_next');
      if (!next) break;
      const dueMs = Number(next.due_ms);
      if (dueMs > current) {
        current = dueMs;
        steps++;
        await clock.set(new Date(dueMs));
      }
      fired += await this.fireGroup(next.due_text, Number(next.rank), current);
      await waitUntilCaughtUp();
    }
    await clock.set(target);
    return { steps, fired };
  }

  /** Enqueues one group (those the epoch does not hold yet) and waits until all of it has fired. */
  private async fireGroup(dueText: string, rank: number, now: number): Promise<number> {
    const { database, queue } = this.options;
    const epoch = await queue.currentEpoch();
    const group = await database.query<{ timer_id: string; enqueued: boolean }>(GROUP_TIMERS, [dueText, rank, epoch], 'timers_advance_group');
    const missing = group.filter((row) => !row.enqueued).map((row) => row.timer_id);
    const added = await enqueueBuckets(database, queue, missing, this.options.bucketSize ?? DEFAULT_BUCKET_SIZE, now, epoch);
    if (added > 0) this.options.observer?.onScheduled?.(added);
    await this.waitUntilFired(group.map((row) => row.timer_id), now);
    return group.length;
  }

  /**
   * Polls a window of at most POLL_WINDOW ids at a time, dropping those fired: a poll never probes
   * thousands of rows (on PGlite's single connection it would hold up the very jobs it waits for).
   */
  private async waitUntilFired(timerIds: string[], at: number): Promise<void> {
    const { database, pollMs = 5, groupTimeoutMs = 120_000 } = this.options;
    let deadline = Date.now() + groupTimeoutMs;
    let remaining = timerIds;
    while (remaining.length > 0) {
      const window = remaining.slice(0, POLL_WINDOW);
      const pending = await database.query<{ timer_id: string }>(STILL_PENDING, [window], 'timers_advance_pending');
      if (pending.length < window.length) deadline = Date.now() + groupTimeoutMs; // progress
      remaining = [...pending.map((row) => row.timer_id), ...remaining.slice(POLL_WINDOW)];
      if (pending.length === 0) continue; // the whole window fired: look at the next one at once
      if (Date.now() > deadline) throw new AdvanceTimeoutError(new Date(at), remaining);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
