import type { SqlQueryable } from '@planledger/event-store';

export interface DepartmentListing {
  departmentId: string;
  name: string;
  kind: string;
  parent: string | null;
  /** The plans whose current schedule names it (a department may serve several plans). */
  planIds: string[];
}

/**
 * The departments of every plan's current schedule (or of one plan), by id: what `--late`,
 * `/departments/{id}/inbox` and reassignments take. Where plans disagree on a name, the plan
 * that sorts first by id wins.
 */
export async function listDepartments(db: SqlQueryable, filter: { planId?: string } = {}): Promise<DepartmentListing[]> {
  const rows = await db.query<{ plan_id: string; id: string; name: string; kind: string; parent: string | null }>(
    `select p.plan_id, d->>'id' as id, d->>'name' as name, d->>'kind' as kind, d->>'parent' as parent
     from read_plans p cross join lateral jsonb_array_elements(p.schedule->'departments') d
     where ($1::text is null or p.plan_id = $1)
     order by d->>'id' collate "C", p.plan_id collate "C"`,
    [filter.planId ?? null],
  );
  const byId = new Map<string, DepartmentListing>();
  for (const row of rows) {
    const listed = byId.get(row.id);
    if (listed) listed.planIds.push(row.plan_id);
    else byId.set(row.id, { departmentId: row.id, name: row.name, kind: row.kind, parent: row.parent, planIds: [row.plan_id] });
  }
  return [...byId.values()];
}
