import { streamOf, timerKindOrder, type Timer } from '@planledger/domain';
import { fireTimer, fireTimers, type Clock, type CommandExecutor, type ExecuteResult } from '@planledger/engine';
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

const outcomeOf = (result: ExecuteResult): TimerOutcome => (!result.ok ? 'rejected' : result.events.length > 0 ? 'accepted' : 'nothing_to_do');
const timerOf = (row: TimerLookup): Timer => (typeof row.timer === 'string' ? JSON.parse(row.timer) : row.timer!);
const notBeforeOf = (row: TimerLookup): string | undefined => (row.not_before_ms === null ? undefined : new Date(Number(row.not_before_ms)).toISOString());

/**
 * What a timer job does, without Nest or BullMQ: look the timer up in read_timers, give its
 * command, record the outcome in timer_firings. Safe to run twice for one id (BullMQ delivers at
 * least once): a recorded firing short-cuts, and two concurrent deliveries both reach the
 * executor, whose idempotency key (`timer/<id>`) appends the events once.
 * An error (store down, conflicts persisting) is thrown so that BullMQ retries with backoff.
 *
 * Timers are handled in batches: a bucket job's ids (`processMany`), and single jobs that arrive
 * while a batch is under way, which go together in the next one (group commit). A batch is one
 * lookup, one load of every target stream, one append of every decision and one INSERT of the
 * firings (CommandExecutor.executeMany), instead of five round trips per timer.
 */
export class TimerProcessor {
  private readonly firings: FiringRecorder;
  private readonly singles: GroupedQueries<string, PromiseSettledResult<TimerOutcome>>;

  constructor(private readonly options: TimerProcessorOptions) {
    this.firings = new FiringRecorder(options.database);
    this.singles = new GroupedQueries((timerIds) => this.settleMany(timerIds));
  }

  async process(timerId: string): Promise<TimerOutcome> {
    const settled = await this.singles.submit(timerId);
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  }

  /** A bucket of timers due together; throws the first error once every other outcome is recorded. */
  async processMany(timerIds: readonly string[]): Promise<TimerOutcome[]> {
    const settled = await this.settleMany(timerIds);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<TimerOutcome>).value);
  }

  private async settleMany(requested: readonly string[]): Promise<PromiseSettledResult<TimerOutcome>[]> {
    const { database, executor, clock, observer } = this.options;
    const timerIds = [...new Set(requested)];
    const rows = await database.query<TimerLookup>(READ_TIMERS, [timerIds], 'timers_read_timers');
    const byId = new Map(rows.map((row) => [row.timer_id, row]));
    const outcomes = new Map<string, PromiseSettledResult<TimerOutcome>>();
    const toFire: TimerLookup[] = [];
    const alone: string[] = [];
    const withdrawn: string[] = [];
    for (const timerId of timerIds) {
      const row = byId.get(timerId)!;
      if (row.outcome) outcomes.set(timerId, { status: 'fulfilled', value: row.outcome });
      else if (row.timer === null) withdrawn.push(timerId); // the work no longer needs it (submitted, re-dated, amended, closed)
      else if (row.has_earlier) alone.push(timerId);
      else toFire.push(row);
    }
    const fired = await fireTimers(executor, toFire.map((row) => ({ timer: timerOf(row), notBefore: notBeforeOf(row), correlationId: `timer/${row.timer_id}` })));
    const now = await clock.now();
    const records: { timerId: string; outcome: TimerOutcome }[] = withdrawn.map((timerId) => ({ timerId, outcome: 'withdrawn' }));
    toFire.forEach((row, index) => {
      const result = fired[index];
      if (result.status === 'rejected') outcomes.set(row.timer_id, result);
      else records.push({ timerId: row.timer_id, outcome: outcomeOf(result.value) });
    });
    await this.firings.recordMany(records, now);
    for (const { timerId, outcome } of records) outcomes.set(timerId, { status: 'fulfilled', value: outcome });
    for (const timerId of withdrawn) observer?.onFired?.({ timerId }, undefined, 'withdrawn');
    toFire.forEach((row, index) => {
      const result = fired[index];
      if (result.status === 'rejected') return;
      const notBefore = notBeforeOf(row);
      const firesAt = Math.max(Date.parse(timerOf(row).dueAt), notBefore ? Date.parse(notBefore) : -Infinity);
      observer?.onFired?.(timerOf(row), now.getTime() - firesAt, outcomeOf(result.value));
    });
    // Rare: an earlier timer of the same aggregate still pending; one at a time, in order.
    for (const timerId of alone) {
      outcomes.set(timerId, await this.processAlone(timerId).then(
        (value): PromiseSettledResult<TimerOutcome> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseSettledResult<TimerOutcome> => ({ status: 'rejected', reason }),
      ));
    }
    return requested.map((timerId) => outcomes.get(timerId)!);
  }

  /** One timer on its own, firing the earlier pending timers of its aggregate first. */
  private async processAlone(timerId: string): Promise<TimerOutcome> {
    const { executor, clock, observer } = this.options;
    const [row] = await this.options.database.query<TimerLookup>(READ_TIMERS, [[timerId]], 'timers_read_timers');
    if (row.outcome) return row.outcome;
    if (row.timer === null) {
      await this.record(timerId, await clock.now(), 'withdrawn');
      observer?.onFired?.({ timerId }, undefined, 'withdrawn');
      return 'withdrawn';
    }
    const timer = timerOf(row);
    if (row.has_earlier) await this.fireEarlierOnSameStream(timer);
    const notBefore = notBeforeOf(row);
    const result = await fireTimer(executor, timer, { notBefore, correlationId: `timer/${timerId}` });
    const outcome = outcomeOf(result);
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
    for (const { timer_id } of earlier) await this.processAlone(timer_id);
  }

  /** fired_at is business time: with the virtual clock it reads as the moment the plan lived it. */
  private record(timerId: string, at: Date, outcome: TimerOutcome): Promise<void> {
    return this.firings.record(timerId, at, outcome);
  }
}
