import { owingStatuses, terminalStatuses } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';

export interface InboxItem extends AssignmentView {
  planTitle: string;
  /** Still owed and past its deadline at `now` (marked by the overdue timer, or due and not yet marked). */
  overdue: boolean;
}

/*
 * Overdue is judged at the caller's `now` as well as by the domain's mark: between the deadline
 * and the overdue timer firing, the work is already late for the person looking at it.
 */
const OVERDUE = `(a.status = any($2::text[]) and (a.overdue_since is not null or a.due_at <= $3::timestamptz))`;

/**
 * A department's open work: issued, and not accepted, waived or cancelled (submitted work stays
 * until the review ends). Overdue first, then by deadline, then by assignment id.
 */
export async function departmentInbox(db: SqlQueryable, departmentId: string, nowIso: string): Promise<InboxItem[]> {
  const rows = await db.query<AssignmentRow & { plan_title: string; overdue: boolean }>(
    `select ${ASSIGNMENT_COLUMNS}, p.title as plan_title, ${OVERDUE} as overdue
     from read_assignments a join read_plans p on p.plan_id = a.plan_id
     where a.department_id = $1 and not (a.status = any($4::text[]))
     order by ${OVERDUE} desc, a.due_at, a.assignment_id collate "C", a.plan_id collate "C"`,
    [departmentId, owingStatuses, nowIso, terminalStatuses],
  );
  return rows.map((row) => ({ ...toAssignmentView(row), planTitle: row.plan_title, overdue: row.overdue === true }));
}

/** Work the domain has marked overdue and that is still owed, oldest deadline first. */
export async function overdueList(db: SqlQueryable, filter: { planId?: string } = {}): Promise<AssignmentView[]> {
  const rows = await db.query<AssignmentRow>(
    `select ${ASSIGNMENT_COLUMNS} from read_assignments a
     where a.overdue_since is not null and a.status = any($1::text[]) and ($2::text is null or a.plan_id = $2)
     order by a.due_at, a.plan_id collate "C", a.assignment_id collate "C"`,
    [owingStatuses, filter.planId ?? null],
  );
  return rows.map(toAssignmentView);
}
