import { assignmentDecider, type AssignmentEvent, type AssignmentState, type PlanledgerEvent } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import type { ProjectedEvent } from './projected-event';

const UPSERT_ASSIGNMENT = `insert into read_assignments (plan_id, assignment_id, measure_id, title, phase_id, department_id,
    responsibility, period_key, status, issue_at, due_at, issued_at, submitted_at, accepted_at, overdue_since,
    escalation_level, reminders_sent, last_event_at, state)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)
  on conflict (plan_id, assignment_id) do update set measure_id = excluded.measure_id, title = excluded.title,
    phase_id = excluded.phase_id, department_id = excluded.department_id, responsibility = excluded.responsibility,
    period_key = excluded.period_key, status = excluded.status, issue_at = excluded.issue_at, due_at = excluded.due_at,
    submitted_at = excluded.submitted_at, accepted_at = excluded.accepted_at, overdue_since = excluded.overdue_since,
    escalation_level = excluded.escalation_level, reminders_sent = excluded.reminders_sent,
    last_event_at = excluded.last_event_at, state = excluded.state`;

export const isAssignmentEvent = (event: PlanledgerEvent): event is AssignmentEvent => event.type.startsWith('Assignment');

/** Which assignment row an event is about, or undefined for other aggregates. */
export function assignmentKeyOf({ event }: ProjectedEvent): { planId: string; assignmentId: string } | undefined {
  if (!isAssignmentEvent(event)) return undefined;
  return { planId: event.data.planId, assignmentId: event.type === 'AssignmentIssued' ? event.data.obligation.assignmentId : event.data.assignmentId };
}

export async function loadAssignmentState(tx: SqlQueryable, planId: string, assignmentId: string): Promise<AssignmentState | undefined> {
  const [row] = await tx.query<{ state: string }>('select state::text as state from read_assignments where plan_id = $1 and assignment_id = $2', [
    planId,
    assignmentId,
  ]);
  return row ? (JSON.parse(row.state) as AssignmentState) : undefined;
}

/**
 * read_assignments: the decider's own `evolve` keeps the state (so the timer projection derives
 * exactly what the engine would); the columns are that state flattened for queries.
 */
export async function projectAssignment(tx: SqlQueryable, projected: ProjectedEvent): Promise<void> {
  const key = assignmentKeyOf(projected);
  if (!key) return;
  const event = projected.event as AssignmentEvent;
  const before = event.type === 'AssignmentIssued' ? assignmentDecider.initialState() : await loadAssignmentState(tx, key.planId, key.assignmentId);
  // Not issued yet by the store's order: nothing to evolve (the decider never emits this).
  if (!before) return;
  const state = assignmentDecider.evolve(before, event);
  const o = state.obligation;
  if (!o) return;
  await tx.query(UPSERT_ASSIGNMENT, [
    key.planId, key.assignmentId, o.measureId, o.title, o.phaseId ?? null, state.departmentId, o.responsibility, o.periodKey,
    // issued_at: only an insert (AssignmentIssued) writes it; later events leave it as it was.
    state.status, o.issueAt, state.dueAt, event.at, state.submittedAt ?? null, state.acceptedAt ?? null,
    state.overdueSince ?? null, state.escalationLevel, state.remindersSent.length, event.at, JSON.stringify(state),
  ]);
}

