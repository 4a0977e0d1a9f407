import {
  planWorkflow, SCHEDULE_TIMER_KINDS, streamNames, streamOf,
  type AggregateRef, type AssignmentState, type PlanStatus, type PlanWorkflowOutput, type PlanWorkflowState, type Timer,
} from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { assignmentKeyOf, loadAssignmentState } from './assignments.projection';
import type { ProjectedEvent } from './projected-event';

export { SCHEDULE_TIMER_KINDS };

/** One round trip per set of timers; not_before comes with them from the workflow. */
const INSERT_TIMERS = `insert into read_timers (timer_id, plan_id, kind, due_at, not_before, stream, timer)
  select x->'timer'->>'timerId', $2, x->'timer'->>'kind', (x->'timer'->>'dueAt')::timestamptz, $3::timestamptz, x->>'stream', x->'timer'
  from jsonb_array_elements($1::jsonb) x
  on conflict (timer_id) do update set plan_id = excluded.plan_id, kind = excluded.kind, due_at = excluded.due_at,
    not_before = excluded.not_before, stream = excluded.stream, timer = excluded.timer`;

/**
 * read_timers: every timer still pending by the store's events, as the plan workflow sets and
 * withdraws them. The worker never writes here; it records what it fired in timer_firings.
 * The workflow reads the plan's status and publication from read_plans and the aggregates'
 * states from read_assignments (the handlers before this one have already applied the event).
 */
export async function projectTimers(tx: SqlQueryable, projected: ProjectedEvent): Promise<void> {
  const { event } = projected;
  let target: AggregateRef;
  if (event.type.startsWith('Plan')) target = { aggregate: 'plan', planId: (event.data as { planId: string }).planId };
  else {
    const key = assignmentKeyOf(projected);
    if (!key) return; // phase events set no timers (the schedule's do)
    target = { aggregate: 'assignment', ...key };
  }
  const input = { target, event };
  const state = await workflowStateAfter(tx, input);
  if (!state) return;
  for (const output of planWorkflow.decide(input, state)) if (output.type === 'SetTimers') await setTimers(tx, output);
}

/** The workflow's view after the event: read_plans' row and, as needed, read_assignments'. */
async function workflowStateAfter(tx: SqlQueryable, input: { target: AggregateRef; event: ProjectedEvent['event'] }): Promise<PlanWorkflowState | undefined> {
  const { planId } = input.target;
  const [plan] = await tx.query<{ status: PlanStatus; published_at: string | null }>(
    `select status, to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at from read_plans where plan_id = $1`, [planId]);
  if (!plan) return undefined;
  const facts = { planId, status: plan.status, ...(plan.published_at !== null && { publishedAt: plan.published_at }) };
  let assignments: Map<string, AssignmentState>;
  if (input.target.aggregate === 'assignment') {
    const state = await loadAssignmentState(tx, planId, input.target.assignmentId);
    assignments = new Map(state ? [[input.target.assignmentId, state]] : []);
  } else if (input.event.type === 'PlanPublished' || input.event.type === 'PlanAmended') {
    // Issue timers are set only for work not yet issued: the statuses of the plan's assignments, in one query.
    const rows = await tx.query<{ assignment_id: string; state: string }>('select assignment_id, state::text as state from read_assignments where plan_id = $1', [planId]);
    assignments = new Map(rows.map((r) => [r.assignment_id, JSON.parse(r.state) as AssignmentState]));
  } else assignments = new Map();
  return { plan: facts, aggregates: { assignment: (id) => assignments.get(id), phase: () => undefined } };
}

async function setTimers(tx: SqlQueryable, output: Extract<PlanWorkflowOutput, { type: 'SetTimers' }>): Promise<void> {
  const { scope, timers, notBefore } = output;
  switch (scope.of) {
    case 'plan':
      await tx.query('delete from read_timers where plan_id = $1', [scope.planId]);
      break;
    case 'schedule':
      await tx.query('delete from read_timers where plan_id = $1 and kind = any($2::text[])', [scope.planId, SCHEDULE_TIMER_KINDS]);
      break;
    case 'assignment':
      await tx.query('delete from read_timers where stream = $1', [streamNames.assignment(scope.planId, scope.assignmentId)]);
      break;
  }
  await insertTimers(tx, scope.planId, timers, notBefore);
}

/**
 * A plan published or amended writes its schedule's timers at once (a county plan: 138,000).
 * Without fresh statistics (autovacuum may be off, and runs late anyway) the planner takes
 * read_timers for a few hundred rows and sorts where it should read the sweep's index: statistics
 * are taken at once after such a bulk load (a sample; tens of milliseconds, in this transaction).
 */
const ANALYZE_AFTER_TIMERS = 10_000;

async function insertTimers(tx: SqlQueryable, planId: string, timers: Timer[], notBefore: string | undefined): Promise<void> {
  if (timers.length === 0) return;
  await tx.query(INSERT_TIMERS, [JSON.stringify(timers.map((timer) => ({ stream: streamOf(timer.target), timer }))), planId, notBefore ?? null]);
  if (timers.length >= ANALYZE_AFTER_TIMERS) await tx.query('analyze read_timers');
}
