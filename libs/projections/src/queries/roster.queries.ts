import type { RosterPerson } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';

export interface RosterHolding {
  planId: string;
  roleId: string;
  unitId: string;
  people: RosterPerson[];
  /** When the roster that named them was recorded (business time). */
  since: string;
}

const parsePeople = (value: unknown): RosterPerson[] => (typeof value === 'string' ? JSON.parse(value) : value) as RosterPerson[];
const iso = (value: string | Date): string => new Date(value).toISOString();

/**
 * Who held each role@unit of the plans at `asOf` (default: now, the last row of each), only those
 * with someone named. An auditor's as-of answer: the rows recorded up to that instant.
 */
export async function rosterHoldings(db: SqlQueryable, planIds: readonly string[], asOf?: Date): Promise<RosterHolding[]> {
  if (planIds.length === 0) return [];
  const rows = await db.query<{ plan_id: string; role_id: string; unit_id: string; people: unknown; from_at: string | Date }>(
    `select * from (
       select distinct on (plan_id, role_id, unit_id) plan_id, role_id, unit_id, people, from_at from read_roster
        where plan_id = any($1::text[]) and ($2::timestamptz is null or from_at <= $2::timestamptz)
        order by plan_id, role_id, unit_id, from_at desc, seq desc) r
     where jsonb_array_length(r.people) > 0 order by plan_id, role_id, unit_id`,
    [[...planIds], asOf?.toISOString() ?? null],
  );
  return rows.map((row) => ({ planId: row.plan_id, roleId: row.role_id, unitId: row.unit_id, people: parsePeople(row.people), since: iso(row.from_at) }));
}

/** Looks a holding up by plan, role and unit. */
export const holdingIndex = (holdings: readonly RosterHolding[]) => {
  const byKey = new Map(holdings.map((h) => [`${h.planId} ${h.roleId}@${h.unitId}`, h]));
  return (planId: string, roleId: string | undefined, unitId: string): RosterHolding | undefined =>
    roleId === undefined ? undefined : byKey.get(`${planId} ${roleId}@${unitId}`);
};
