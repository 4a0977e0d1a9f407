import { reviewChainOf, streamNames, type AssignmentState } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { iso } from '../sql/iso';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';

export interface AssignmentDetail extends AssignmentView {
  requiredCount: number;
  progressCount: number;
  /** The review chain after the drafting department, and who holds a submission now. */
  reviewers: string[];
  currentReviewer: string | null;
  submitTo: string | null;
  remindDaysBefore: number[];
  escalation: { afterDays: number; to: string }[];
  pendingTimers: { timerId: string; kind: string; dueAt: string }[];
}

/** An assignment id held by several plans, asked for without a plan: the API answers 409 with the refs. */
export class AmbiguousAssignmentError extends Error {
  constructor(readonly id: string, readonly candidates: string[]) {
    super(`assignment id "${id}" exists in several plans; ask for one of ${candidates.join(', ')}`);
  }
}

/*
 * Without a plan, `id` is either a bare assignment id (unique in most databases) or the
 * qualified ref `${planId}.${assignmentId}`. Both ids may hold dots, so the ref is split at each
 * known plan id rather than at a dot.
 */
const FIND_BY_ID = `select ${ASSIGNMENT_COLUMNS}, a.state::text as state from read_assignments a where a.assignment_id = $1
  union all
  select ${ASSIGNMENT_COLUMNS}, a.state::text as state from read_plans p
    join read_assignments a on a.plan_id = p.plan_id and a.assignment_id = substr($1, length(p.plan_id) + 2)
  where starts_with($1, p.plan_id || '.')`;

/**
 * One assignment with its review chain and pending timers. With `planId`: that plan's. Without:
 * by bare id across plans, or by `${planId}.${assignmentId}`; an exact ref wins over a bare id;
 * a bare id found in several plans throws AmbiguousAssignmentError. Undefined when unknown.
 */
export async function getAssignment(db: SqlQueryable, planId: string | undefined, id: string): Promise<AssignmentDetail | undefined> {
  type Row = AssignmentRow & { state: string };
  const rows =
    planId !== undefined
      ? await db.query<Row>(`select ${ASSIGNMENT_COLUMNS}, a.state::text as state from read_assignments a where a.plan_id = $1 and a.assignment_id = $2`, [planId, id])
      : await db.query<Row>(FIND_BY_ID, [id]);
  const exact = rows.filter((row) => `${row.plan_id}.${row.assignment_id}` === id);
  const unique = [...new Map(rows.map((row) => [`${row.plan_id}.${row.assignment_id}`, row])).values()];
  const row = exact.length === 1 ? exact[0] : unique.length <= 1 ? unique[0] : undefined;
  if (!row) {
    if (unique.length > 1) throw new AmbiguousAssignmentError(id, unique.map((r) => `${r.plan_id}.${r.assignment_id}`).sort());
    return undefined;
  }
  return toDetail(db, row);
}

async function toDetail(db: SqlQueryable, row: AssignmentRow & { state: string }): Promise<AssignmentDetail> {
  const state = JSON.parse(row.state) as AssignmentState;
  const o = state.obligation;
  const reviewers = reviewChainOf(o);
  const timers = await db.query<{ timer_id: string; kind: string; due_at: string }>(
    `select t.timer_id, t.kind, ${iso('t.due_at')} from read_timers t
     where t.stream = $1 and not exists (select 1 from timer_firings f where f.timer_id = t.timer_id) order by t.due_at, t.timer_id collate "C"`,
    [streamNames.assignment(row.plan_id, row.assignment_id)],
  );
  return {
    ...toAssignmentView(row),
    requiredCount: o?.requiredCount ?? 1,
    progressCount: state.progressCount,
    reviewers,
    currentReviewer: state.status === 'submitted' ? (reviewers[state.reviewStep] ?? null) : null,
    submitTo: o?.submitTo ?? null,
    remindDaysBefore: o?.remindDaysBefore ?? [],
    escalation: o?.escalation ?? [],
    pendingTimers: timers.map((t) => ({ timerId: t.timer_id, kind: t.kind, dueAt: t.due_at })),
  };
}
