import { streamNames, streamOf, timersForAssignment, timersForSchedule, type PlanSchedule, type Timer } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { assignmentKeyOf, loadAssignmentState } from './assignments.projection';
import type { ProjectedEvent } from './projected-event';

/** The kinds `timersForSchedule` yields: replaced as a whole when a plan is published or amended. */
export const SCHEDULE_TIMER_KINDS = ['phase-open', 'phase-closing', 'phase-close', 'assignment-issue'] as const;

/*
 * One round trip per set of timers. not_before is the plan's publication (the plans handler has
 * already written it for this very event); a closed plan gets no timers, even if its work is
 * still touched afterwards. An assignment-issue timer is skipped when its assignment is
 * already in read_assignments: issuing twice decides nothing, and the timeline must not show
 * work as "to be issued" that was issued long ago (an amendment re-dating its issueAt would
 * otherwise bring a fresh timer id back).
 */
const INSERT_TIMERS = `insert into read_timers (timer_id, plan_id, kind, due_at, not_before, stream, timer)
  select x->'timer'->>'timerId', p.plan_id, x->'timer'->>'kind', (x->'timer'->>'dueAt')::timestamptz,
    p.published_at, x->>'stream', x->'timer'
  from jsonb_array_elements($1::jsonb) x join read_plans p on p.plan_id = $2
  where p.status <> 'closed' and not (x->'timer'->>'kind' = 'assignment-issue' and exists (select 1 from read_assignments a
    where a.plan_id = x->'timer'->>'planId' and a.assignment_id = x->'timer'->'target'->>'assignmentId'))
  on conflict (timer_id) do update set plan_id = excluded.plan_id, kind = excluded.kind, due_at = excluded.due_at,
    not_before = excluded.not_before, stream = excluded.stream, timer = excluded.timer`;

/**
 * read_timers: every timer still pending by the store's events. The worker never writes here;
 * it records what it fired in timer_firings.
 */
export async function projectTimers(tx: SqlQueryable, projected: ProjectedEvent): Promise<void> {
  const { event } = projected;
  switch (event.type) {
    case 'PlanPublished':
    case 'PlanAmended':
      await replaceScheduleTimers(tx, event.data.schedule);
      return;
    case 'PlanClosed':
      await tx.query('delete from read_timers where plan_id = $1', [event.data.planId]);
      return;
  }
  const key = assignmentKeyOf(projected);
  if (key) await replaceAssignmentTimers(tx, key.planId, key.assignmentId);
}

async function replaceScheduleTimers(tx: SqlQueryable, schedule: PlanSchedule): Promise<void> {
  await tx.query('delete from read_timers where plan_id = $1 and kind = any($2::text[])', [schedule.planId, SCHEDULE_TIMER_KINDS]);
  await insertTimers(tx, schedule.planId, timersForSchedule(schedule));
}

/** Every event of an assignment replaces all its timers (an issued one never needs its issue timer again). */
async function replaceAssignmentTimers(tx: SqlQueryable, planId: string, assignmentId: string): Promise<void> {
  await tx.query('delete from read_timers where stream = $1', [streamNames.assignment(planId, assignmentId)]);
  const state = await loadAssignmentState(tx, planId, assignmentId);
  if (state) await insertTimers(tx, planId, timersForAssignment(state));
}

async function insertTimers(tx: SqlQueryable, planId: string, timers: Timer[]): Promise<void> {
  if (timers.length === 0) return;
  await tx.query(INSERT_TIMERS, [JSON.stringify(timers.map((timer) => ({ stream: streamOf(timer.target), timer }))), planId]);
}
