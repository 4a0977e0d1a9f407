import { streamOf, timerKindOrder, type Timer } from '@planledger/domain';
import { fireTimer, type Clock, type CommandExecutor } from '@planledger/engine';
import type { SqlQueryable } from '@planledger/event-store';
import { NOT_FIRED, epochMs, kindRankSql } from '../sql/timer-tables';
import { FiringRecorder } from './firing-recorder';
import { GroupedQueries } from './grouped-queries';
import type { TimerObserver, TimerOutcome } from './timer-observer';

export interface TimerProcessorOptions {
  database: SqlQueryable;
  executor: CommandExecutor;
  clock: Clock;
  observer?: TimerObserver;
}

const RANK = kindRankSql(timerKindOrder, 't.kind');
const EARLIER_RANK = kindRankSql(timerKindOrder, 'e.kind');
/**
 * One round trip for a group of jobs: per timer id, the recorded firing if any, else the timer row
 * (none when withdrawn), and whether an earlier timer of the same aggregate is still pending
 * (rare: then a second query).
 */
const READ_TIMERS = `select k.timer_id, f.outcome, t.timer, ${epochMs('t.not_before')} as not_before_ms,
    exists (select 1 from read_timers e where e.stream = t.stream and (e.due_at, ${EARLIER_RANK}) < (t.due_at, ${RANK})
      and not exists (select 1 from timer_firings g where g.timer_id = e.timer_id)) as has_earlier
  from unnest($1::text[]) k(timer_id)
  left join timer_firings f on f.timer_id = k.timer_id
  left join read_timers t on t.timer_id = k.timer_id`;

interface TimerLookup {
  timer_id: string;
  outcome: TimerOutcome | null;
  timer: Timer | string | null;
  not_before_ms: number | null;
  has_earlier: boolean | null;
}
/** Timers of the same aggregate due before this one and not fired yet, in firing order. */
const EARLIER_ON_STREAM = `select t.timer_id from read_timers t
  where t.stream = $1 and (t.due_at, ${RANK}) < ($2::timestamptz, $3::int) and ${NOT_FIRED}
  order by t.due_at, ${RANK}, t.timer_id`;

/**
 * What one timer job does, without Nest or BullMQ: look the timer up in read_timers, give its
 * command, record the outcome in timer_firings. Safe to run twice for one id (BullMQ delivers at
 * least once): a recorded firing short-cuts, and two concurrent deliveries both reach the
 * executor, whose idempotency key (`timer/<id>`) appends the events once.
 * An error (store down, conflicts persisting) is thrown so that BullMQ retries with backoff.
 */
export class TimerProcessor {
  private readonly firings: FiringRecorder;
  private readonly lookups: GroupedQueries<string, TimerLookup>;

  constructor(private readonly options: TimerProcessorOptions) {
    this.firings = new FiringRecorder(options.database);
    this.lookups = new GroupedQueries(async (timerIds) => {
      const rows = await options.database.query<TimerLookup>(READ_TIMERS, [timerIds], 'timers_read_timers');
      const byId = new Map(rows.map((row) => [row.timer_id, row]));
      return timerIds.map((id) => byId.get(id)!);
    });
  }

  async process(timerId: string): Promise<TimerOutcome> {
    const { executor, clock, observer } = this.options;
    const row = await this.lookups.submit(timerId);
    if (row.outcome) return row.outcome;
    if (row.timer === null) {
      // The work no longer needs it (submitted, re-dated, plan amended or closed).
      await this.record(timerId, await clock.now(), 'withdrawn');
      observer?.onFired?.({ timerId }, undefined, 'withdrawn');
      return 'withdrawn';
    }
    const timer: Timer = typeof row.timer === 'string' ? JSON.parse(row.timer) : row.timer;
    if (row.has_earlier) await this.fireEarlierOnSameStream(timer);
    const notBefore = row.not_before_ms === null ? undefined : new Date(Number(row.not_before_ms)).toISOString();
    const result = await fireTimer(executor, timer, { notBefore, correlationId: `timer/${timerId}` });
    const outcome: TimerOutcome = !result.ok ? 'rejected' : result.events.length > 0 ? 'accepted' : 'nothing_to_do';
    const now = await clock.now();
    await this.record(timerId, now, outcome);
    const firesAt = Math.max(Date.parse(timer.dueAt), notBefore ? Date.parse(notBefore) : -Infinity);
    observer?.onFired?.(timer, now.getTime() - firesAt, outcome);
    return outcome;
  }

  /**
   * One aggregate's timers take effect in due order even when several are due at once (a worker
   * down for days, a flushed Redis, a plan published late): an escalation handled before its
   * overdue mark would decide nothing and be lost. Earlier ones are fired first, here; their own
   * jobs then find them recorded.
   */
  private async fireEarlierOnSameStream(timer: Timer): Promise<void> {
    const stream = streamOf(timer.target);
    const earlier = await this.options.database.query<{ timer_id: string }>(EARLIER_ON_STREAM, [stream, timer.dueAt, timerKindOrder[timer.kind]], 'timers_earlier_on_stream');
    for (const { timer_id } of earlier) await this.process(timer_id);
  }

  /** fired_at is business time: with the virtual clock it reads as the moment the plan lived it. */
  private record(timerId: string, at: Date, outcome: TimerOutcome): Promise<void> {
    return this.firings.record(timerId, at, outcome);
  }
}
