import type { SqlQueryable } from '@planledger/event-store';

/**
 * What a plan's current schedule owes, counted rather than listed: a county plan's schedule holds
 * well over a hundred thousand obligations (3 years × 60 measures × 200 schools, most of them
 * monthly), which no page shows one by one. Counted by the plans projection when it writes the
 * schedule (read_schedule_tallies); read once per schedule version (see `version`).
 */
export interface ScheduleTallies {
  planId: string;
  /** Changes whenever the plan's row (and so its schedule) changes. */
  version: string;
  title: string;
  timeZone: string;
  status: string;
  startsAt: string;
  endsAt: string;
  departments: { id: string; name: string }[];
  /** Measures by id, with the title their obligations carry. */
  measures: { id: string; title: string }[];
  /** Obligations per (responsible department, measure, phase). */
  byCell: { departmentId: string; measureId: string; phaseId: string | null; count: number }[];
  /** Obligations per (deadline day in the plan's zone, measure, phase). */
  byDay: { day: string; measureId: string; phaseId: string | null; count: number }[];
}

/** The plans' schedule versions: cheap (one row per plan), to decide which tallies are stale. */
export async function scheduleVersions(db: SqlQueryable): Promise<Map<string, string>> {
  const rows = await db.query<{ plan_id: string; version: string }>(`select plan_id, updated_at::text || '@' || last_position as version from read_plans`);
  return new Map(rows.map((row) => [row.plan_id, row.version]));
}

/** Undefined when the read models know no such plan. */
export async function readScheduleTallies(db: SqlQueryable, planId: string): Promise<ScheduleTallies | undefined> {
  const [plan] = await db.query<{ version: string; title: string; time_zone: string; status: string; starts_at: string; ends_at: string; departments: string }>(
    `select updated_at::text || '@' || last_position as version, title, time_zone, status,
       to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as starts_at,
       to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ends_at,
       coalesce(schedule->'departments', '[]'::jsonb)::text as departments
     from read_plans where plan_id = $1`,
    [planId],
  );
  if (!plan) return undefined;
  // Counted when the schedule was written (plans.projection.ts, read-model migration 7).
  const tallies = await db.query<{ kind: 'cell' | 'day'; department_id: string | null; measure_id: string; phase_id: string | null; day: string | null; title: string | null; n: number }>(
    'select kind, department_id, measure_id, phase_id, day, title, n from read_schedule_tallies where plan_id = $1',
    [planId],
  );
  const cells = tallies.filter((row) => row.kind === 'cell').map((row) => ({ department_id: row.department_id!, measure_id: row.measure_id, phase_id: row.phase_id, title: row.title!, n: row.n }));
  const days = tallies.filter((row) => row.kind === 'day').map((row) => ({ day: row.day!, measure_id: row.measure_id, phase_id: row.phase_id, n: row.n }));
  const titles = new Map<string, string>();
  for (const row of cells) if (!titles.has(row.measure_id)) titles.set(row.measure_id, row.title);
  const departments = (JSON.parse(plan.departments) as { id: string; name: string }[]).map(({ id, name }) => ({ id, name }));
  return {
    planId,
    version: plan.version,
    title: plan.title,
    timeZone: plan.time_zone,
    status: plan.status,
    startsAt: plan.starts_at,
    endsAt: plan.ends_at,
    departments,
    measures: [...titles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, title]) => ({ id, title })),
    byCell: cells.map((row) => ({ departmentId: row.department_id, measureId: row.measure_id, phaseId: row.phase_id, count: Number(row.n) })),
    byDay: days.map((row) => ({ day: row.day, measureId: row.measure_id, phaseId: row.phase_id, count: Number(row.n) })),
  };
}
