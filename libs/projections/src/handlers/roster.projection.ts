import type { SqlQueryable } from '@planledger/event-store';
import type { ProjectedEvent } from './projected-event';

const INSERT_ROSTER = `insert into read_roster (plan_id, role_id, unit_id, people, from_at, event_id)
  select $1, x->>'roleId', x->>'unitId', x->'people', $2::timestamptz, $3 from jsonb_array_elements($4::jsonb) x
  on conflict (event_id, role_id, unit_id) do nothing`;

/** read_roster: each RosterAssigned's entries appended as rows (ADR 0022); a replayed event adds nothing. */
export async function projectRoster(tx: SqlQueryable, { event, stored }: ProjectedEvent): Promise<void> {
  if (event.type !== 'RosterAssigned') return;
  await tx.query(INSERT_ROSTER, [event.data.planId, event.at, stored.eventId, JSON.stringify(event.data.entries)]);
}
