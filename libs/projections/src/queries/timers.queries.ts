import { timerKindOrder, type AggregateRef, type Timer, type TimerKind } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { iso } from '../sql/iso';

export interface UpcomingTimer {
  timerId: string;
  kind: TimerKind;
  dueAt: string;
  notBefore: string | null;
  target: AggregateRef;
  command: Timer['command'];
}

/** Same-instant timers in the order the engine fires them (a phase opens before its work is issued). */
const KIND_ORDER = `case t.kind ${Object.entries(timerKindOrder)
  .map(([kind, order]) => `when '${kind}' then ${order}`)
  .join(' ')} else 99 end`;

/**
 * What is scheduled next for a plan (the timeline): pending timers (in read_timers, not yet in
 * timer_firings), earliest first; `after` (ISO) keeps only those due later than that.
 */
export async function upcomingTimers(db: SqlQueryable, planId: string, options: { limit: number; after?: string }): Promise<UpcomingTimer[]> {
  const rows = await db.query<{ timer_id: string; kind: TimerKind; due_at: string; not_before: string | null; timer: string }>(
    `select t.timer_id, t.kind, ${iso('t.due_at')}, ${iso('t.not_before')}, t.timer::text as timer from read_timers t
     where t.plan_id = $1 and ($2::timestamptz is null or t.due_at > $2::timestamptz)
       and not exists (select 1 from timer_firings f where f.timer_id = t.timer_id)
     order by t.due_at, ${KIND_ORDER}, t.timer_id collate "C" limit $3`,
    [planId, options.after ?? null, options.limit],
  );
  return rows.map((row) => {
    const timer = JSON.parse(row.timer) as Timer;
    return { timerId: row.timer_id, kind: row.kind, dueAt: row.due_at, notBefore: row.not_before, target: timer.target, command: timer.command };
  });
}
