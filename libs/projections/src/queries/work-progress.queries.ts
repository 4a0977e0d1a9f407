import type { SqlQueryable } from '@planledger/event-store';
import { soonAfter, stateSql, type WorkState } from './work-states';

/*
 * Issued work counted by state, for the planners' pages (plan list, timeline, matrix, charts).
 * Each query reads one plan's rows through the (plan_id, ...) indexes and answers counts, never
 * rows: a county plan has tens of thousands of assignments and no page shows them all.
 */

export interface IssuedCellCount {
  /** The department holding the work now (a reassignment moves it). */
  departmentId: string;
  /** The department the schedule owes it from: the middle of the deterministic id `${measureId}.${departmentId}.${periodKey}`. */
  owedBy: string;
  measureId: string;
  phaseId: string | null;
  state: WorkState | null;
  /** Cancelled (by an amendment): no longer owed by the schedule either. */
  cancelled: boolean;
  count: number;
}

export async function issuedByCell(db: SqlQueryable, planId: string, nowIso: string): Promise<IssuedCellCount[]> {
  const rows = await db.query<{ department_id: string; owed_by: string; measure_id: string; phase_id: string | null; state: WorkState | null; cancelled: boolean; n: number }>(
    `select a.department_id, substr(a.assignment_id, length(a.measure_id) + 2, length(a.assignment_id) - length(a.measure_id) - length(a.period_key) - 2) as owed_by,
       a.measure_id, a.phase_id, ${stateSql('$2', '$3')} as state, a.status = 'cancelled' as cancelled, count(*)::int as n
     from read_assignments a where a.plan_id = $1 group by 1, 2, 3, 4, 5, 6`,
    [planId, nowIso, soonAfter(nowIso)],
  );
  return rows.map((row) => ({
    departmentId: row.department_id, owedBy: row.owed_by, measureId: row.measure_id, phaseId: row.phase_id, state: row.state, cancelled: row.cancelled === true, count: Number(row.n),
  }));
}

export interface IssuedDayCount {
  /** The deadline's day in the plan's zone. */
  day: string;
  measureId: string;
  state: WorkState | null;
  count: number;
}

export async function issuedByDay(db: SqlQueryable, planId: string, timeZone: string, nowIso: string): Promise<IssuedDayCount[]> {
  const rows = await db.query<{ day: string; measure_id: string; state: WorkState | null; n: number }>(
    `select to_char(a.due_at at time zone $4, 'YYYY-MM-DD') as day, a.measure_id, ${stateSql('$2', '$3')} as state, count(*)::int as n
     from read_assignments a where a.plan_id = $1 group by 1, 2, 3`,
    [planId, nowIso, soonAfter(nowIso), timeZone],
  );
  return rows.map((row) => ({ day: row.day, measureId: row.measure_id, state: row.state, count: Number(row.n) }));
}

/** Accepted work per phase and week (weeks start on Monday, in the plan's zone). */
export async function acceptedByWeek(db: SqlQueryable, planId: string, timeZone: string): Promise<{ phaseId: string | null; week: string; count: number }[]> {
  const rows = await db.query<{ phase_id: string | null; week: string; n: number }>(
    `select a.phase_id, to_char(date_trunc('week', a.accepted_at at time zone $2), 'YYYY-MM-DD') as week, count(*)::int as n
     from read_assignments a where a.plan_id = $1 and a.status = 'accepted' group by 1, 2`,
    [planId, timeZone],
  );
  return rows.map((row) => ({ phaseId: row.phase_id, week: row.week, count: Number(row.n) }));
}

export interface PlanWorkCounts {
  planId: string;
  state: WorkState | null;
  cancelled: boolean;
  count: number;
  /** Escalations that happened: each level reached by an assignment is one. */
  escalations: number;
}

/** Every plan's issued work by state, in one pass. */
export async function workCountsByPlan(db: SqlQueryable, nowIso: string): Promise<PlanWorkCounts[]> {
  const rows = await db.query<{ plan_id: string; state: WorkState | null; cancelled: boolean; n: number; escalations: number }>(
    `select a.plan_id, ${stateSql('$1', '$2')} as state, a.status = 'cancelled' as cancelled, count(*)::int as n, coalesce(sum(a.escalation_level), 0)::int as escalations
     from read_assignments a group by 1, 2, 3`,
    [nowIso, soonAfter(nowIso)],
  );
  return rows.map((row) => ({ planId: row.plan_id, state: row.state, cancelled: row.cancelled === true, count: Number(row.n), escalations: Number(row.escalations) }));
}

export interface PhaseRow {
  planId: string;
  phaseId: string;
  name: string;
  kind: string;
  order: number;
  status: string;
  opensAt: string;
  closesAt: string;
  /** An undated phase: the phase whose closing opens it, from the schedule in force (ADR 0019). */
  opensAfter?: string;
}

/** The phases of the given plans (every plan's when undefined), by plan then order. */
export async function phasesOf(db: SqlQueryable, planIds?: readonly string[]): Promise<PhaseRow[]> {
  const rows = await db.query<{ plan_id: string; phase_id: string; name: string; kind: string; ord: number; status: string; opens_at: string; closes_at: string; opens_after: string | null }>(
    `select plan_id, phase_id, name, kind, ord, status,
       to_char(opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as opens_at,
       to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as closes_at,
       (select e->>'opensAfter' from read_plans p, jsonb_array_elements(p.schedule->'phases') e
         where p.plan_id = f.plan_id and e->>'phaseId' = f.phase_id) as opens_after
     from read_phases f where ($1::text[] is null or plan_id = any($1::text[])) order by plan_id collate "C", ord, phase_id collate "C"`,
    [planIds ? [...planIds] : null],
  );
  return rows.map((row) => ({
    planId: row.plan_id, phaseId: row.phase_id, name: row.name, kind: row.kind, order: Number(row.ord), status: row.status, opensAt: row.opens_at, closesAt: row.closes_at,
    ...(row.opens_after !== null ? { opensAfter: row.opens_after } : {}),
  }));
}
