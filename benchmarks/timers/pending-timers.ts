import { compareTimers, streamOf, timersForSchedule, type Timer } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { compileSchedule } from '@planledger/scheduling';
import { syntheticPlan } from '../simulate/synthetic-plan';

/** The synthetic county plan's issue timers (138,000 assignments), in firing order. */
export function issueTimers(): Timer[] {
  const schedule = compileSchedule(syntheticPlan(60, 200));
  return timersForSchedule(schedule).filter((t) => t.kind === 'assignment-issue').sort(compareTimers);
}

/** Writes pending timers into read_timers as the timers projection would, 5000 rows a statement. */
export async function insertTimers(database: SqlQueryable, timers: readonly Timer[]): Promise<void> {
  for (let start = 0; start < timers.length; start += 5000) {
    const chunk = timers.slice(start, start + 5000).map((timer) => ({ stream: streamOf(timer.target), timer }));
    await database.query(
      `insert into read_timers (timer_id, plan_id, kind, due_at, not_before, stream, timer)
       select x->'timer'->>'timerId', x->'timer'->>'planId', x->'timer'->>'kind', (x->'timer'->>'dueAt')::timestamptz, null, x->>'stream', x->'timer'
       from jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(chunk)],
    );
  }
}
