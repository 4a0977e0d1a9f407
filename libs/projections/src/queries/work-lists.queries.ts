import type { SqlQueryable } from '@planledger/event-store';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';
import { OWING_LIST, soonAfter, stateSql, type WorkState } from './work-states';

/** Keyset position: due date, then plan and assignment id in byte order. */
export interface WorkPosition {
  dueAt: string;
  planId: string;
  assignmentId: string;
}

export interface WorkPage<T> {
  items: T[];
  next?: WorkPosition;
  /** How many match the filter in all (for "N in all" beside the page). */
  total: number;
}

const AFTER = (due: string, plan: string, id: string) =>
  `(${due}::timestamptz is null or a.due_at > ${due}::timestamptz or (a.due_at = ${due}::timestamptz and (a.plan_id collate "C", a.assignment_id collate "C") > (${plan}, ${id})))`;

function paged<T extends { dueAt: string; planId: string; assignmentId: string }>(items: T[], limit: number, total: number): WorkPage<T> {
  const shown = items.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown, total, next: items.length > limit && last ? { dueAt: last.dueAt, planId: last.planId, assignmentId: last.assignmentId } : undefined };
}

export interface CellFilter {
  departmentId: string;
  measureId?: string;
  phaseId?: string;
  /** One state of the cell; every issued state when undefined (not_issued is listed by notIssuedPage). */
  state?: Exclude<WorkState, 'not_issued'>;
}

export interface CellAssignment extends AssignmentView {
  state: WorkState;
}

/** The issued assignments behind a matrix cell, by due date then id. */
export async function cellAssignmentsPage(
  db: SqlQueryable, planId: string, filter: CellFilter, page: { limit: number; after?: WorkPosition }, nowIso: string,
): Promise<WorkPage<CellAssignment>> {
  const where = `a.plan_id = $1 and a.department_id = $2 and ($3::text is null or a.measure_id = $3) and ($4::text is null or a.phase_id = $4)
    and ${stateSql('$5', '$6')} is not null and ($7::text is null or ${stateSql('$5', '$6')} = $7)`;
  const params = [planId, filter.departmentId, filter.measureId ?? null, filter.phaseId ?? null, nowIso, soonAfter(nowIso), filter.state ?? null];
  const rows = await db.query<AssignmentRow & { state: WorkState }>(
    `select ${ASSIGNMENT_COLUMNS}, ${stateSql('$5', '$6')} as state from read_assignments a
     where ${where} and ${AFTER('$8', '$9', '$10')}
     order by a.due_at, a.plan_id collate "C", a.assignment_id collate "C" limit $11`,
    [...params, page.after?.dueAt ?? null, page.after?.planId ?? null, page.after?.assignmentId ?? null, page.limit + 1],
  );
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from read_assignments a where ${where}`, params);
  return paged(rows.map((row) => ({ ...toAssignmentView(row), state: row.state })), page.limit, Number(n));
}

export interface PendingObligation {
  planId: string;
  assignmentId: string;
  measureId: string;
  title: string;
  phaseId: string | null;
  departmentId: string;
  periodKey: string;
  issueAt: string;
  dueAt: string;
}

/** Obligations of a cell the schedule owes but the engine has not issued yet, by due date then id. */
export async function notIssuedPage(
  db: SqlQueryable, planId: string, filter: Omit<CellFilter, 'state'>, page: { limit: number; after?: WorkPosition },
): Promise<WorkPage<PendingObligation>> {
  const from = `from read_plans p cross join lateral jsonb_array_elements(p.schedule->'obligations') o
     where p.plan_id = $1 and o->>'departmentId' = $2 and ($3::text is null or o->>'measureId' = $3) and ($4::text is null or o->>'phaseId' = $4)
       and not exists (select 1 from read_assignments a where a.plan_id = $1 and a.assignment_id = o->>'assignmentId')`;
  const params = [planId, filter.departmentId, filter.measureId ?? null, filter.phaseId ?? null];
  const rows = await db.query<{ assignment_id: string; measure_id: string; title: string; phase_id: string | null; department_id: string; period_key: string; issue_at: string; due_at: string }>(
    `select o->>'assignmentId' as assignment_id, o->>'measureId' as measure_id, o->>'title' as title, o->>'phaseId' as phase_id,
       o->>'departmentId' as department_id, o->>'periodKey' as period_key,
       to_char((o->>'issueAt')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as issue_at,
       to_char((o->>'dueAt')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at
     ${from} and ($5::timestamptz is null or (o->>'dueAt')::timestamptz > $5::timestamptz
       or ((o->>'dueAt')::timestamptz = $5::timestamptz and (o->>'assignmentId') collate "C" > $6))
     order by (o->>'dueAt')::timestamptz, (o->>'assignmentId') collate "C" limit $7`,
    [...params, page.after?.dueAt ?? null, page.after?.assignmentId ?? null, page.limit + 1],
  );
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n ${from}`, params);
  const items = rows.map((row) => ({
    planId, assignmentId: row.assignment_id, measureId: row.measure_id, title: row.title, phaseId: row.phase_id, departmentId: row.department_id,
    periodKey: row.period_key, issueAt: row.issue_at, dueAt: row.due_at,
  }));
  return paged(items, page.limit, Number(n));
}

export interface OverdueWorkFilter {
  planId?: string;
  /** Only these (plan, department) pairs: a department person's reach. Everything when undefined. */
  reach?: { planId: string; departmentId: string }[];
  departmentId?: string;
  /** At least this escalation level (1: escalated at least once). */
  minLevel?: number;
}

export interface OverdueWork extends AssignmentView {
  planTitle: string;
  /** Who the latest escalation went to (the policy's receiver at the current level); null when not escalated. */
  escalatedTo: string | null;
}

/**
 * Work still owed and past its deadline at `now`, across plans, oldest deadline first. Reads the
 * partial index of owed work by due date, so a page costs the same however much is overdue.
 */
export async function overdueWorkPage(
  db: SqlQueryable, filter: OverdueWorkFilter, page: { limit: number; after?: WorkPosition }, nowIso: string,
): Promise<WorkPage<OverdueWork>> {
  const where = `a.status in ${OWING_LIST} and (a.overdue_since is not null or a.due_at <= $1::timestamptz)
    and ($2::text is null or a.plan_id = $2) and ($3::text is null or a.department_id = $3) and ($4::int is null or a.escalation_level >= $4)
    and ($5::text[] is null or (a.plan_id, a.department_id) in (select * from unnest($5::text[], $6::text[])))`;
  const params = [
    nowIso, filter.planId ?? null, filter.departmentId ?? null, filter.minLevel ?? null,
    filter.reach ? filter.reach.map((r) => r.planId) : null, filter.reach ? filter.reach.map((r) => r.departmentId) : null,
  ];
  const rows = await db.query<AssignmentRow & { plan_title: string; escalated_to: string | null }>(
    `select ${ASSIGNMENT_COLUMNS}, p.title as plan_title,
       case when a.escalation_level > 0 then a.state->'obligation'->'escalation'->(a.escalation_level - 1)->>'to' end as escalated_to
     from read_assignments a join read_plans p on p.plan_id = a.plan_id
     where ${where} and ${AFTER('$7', '$8', '$9')}
     order by a.due_at, a.plan_id collate "C", a.assignment_id collate "C" limit $10`,
    [...params, page.after?.dueAt ?? null, page.after?.planId ?? null, page.after?.assignmentId ?? null, page.limit + 1],
  );
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from read_assignments a where ${where}`, params);
  return paged(rows.map((row) => ({ ...toAssignmentView(row), planTitle: row.plan_title, escalatedTo: row.escalated_to })), page.limit, Number(n));
}
