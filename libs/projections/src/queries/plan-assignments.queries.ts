import { owingStatuses } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';

/** Which of a plan's assignments to list; every field narrows the list. */
export interface AssignmentFilter {
  statuses?: readonly string[];
  departmentId?: string;
  phaseId?: string;
  measureId?: string;
  /** Still owed and past its deadline at `now` (as in the inbox), or not. */
  overdue?: boolean;
}

/** Position in the order (due date, then assignment id in byte order): the page starts after it. */
export interface AssignmentPosition {
  dueAt: string;
  assignmentId: string;
}

export interface AssignmentPage {
  items: AssignmentView[];
  /** Where the next page starts; undefined on the last page. */
  next?: AssignmentPosition;
}

/**
 * One page of a plan's issued assignments, by due date then id, after `after` (keyset paging:
 * every page costs the same however deep, and a page stays stable while others are written).
 */
export async function planAssignmentsPage(
  db: SqlQueryable, planId: string, filter: AssignmentFilter, page: { limit: number; after?: AssignmentPosition }, nowIso: string,
): Promise<AssignmentPage> {
  const rows = await db.query<AssignmentRow>(
    `select ${ASSIGNMENT_COLUMNS} from read_assignments a
     where a.plan_id = $1
       and ($2::text[] is null or a.status = any($2::text[]))
       and ($3::text is null or a.department_id = $3)
       and ($4::text is null or a.phase_id = $4)
       and ($5::text is null or a.measure_id = $5)
       and ($6::boolean is null or (a.status = any($7::text[]) and (a.overdue_since is not null or a.due_at <= $8::timestamptz)) = $6)
       and ($9::timestamptz is null or a.due_at > $9 or (a.due_at = $9 and a.assignment_id collate "C" > $10))
     order by a.due_at, a.assignment_id collate "C"
     limit $11`,
    [
      planId, filter.statuses ? [...filter.statuses] : null, filter.departmentId ?? null, filter.phaseId ?? null, filter.measureId ?? null,
      filter.overdue ?? null, owingStatuses, nowIso, page.after?.dueAt ?? null, page.after?.assignmentId ?? null, page.limit + 1,
    ],
  );
  const items = rows.slice(0, page.limit).map(toAssignmentView);
  const last = items[items.length - 1];
  return { items, next: rows.length > page.limit && last ? { dueAt: last.dueAt, assignmentId: last.assignmentId } : undefined };
}
