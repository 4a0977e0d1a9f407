import { closingStartOf, type ScheduledPhase } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import type { ProjectedEvent } from './projected-event';

const UPSERT_PHASE = `insert into read_phases (plan_id, phase_id, name, kind, ord, status, opens_at, closing_starts_at, closes_at)
  values ($1, $2, $3, $4, $5, 'scheduled', $6, $7, $8)
  on conflict (plan_id, phase_id) do update set name = excluded.name, kind = excluded.kind, ord = excluded.ord,
    opens_at = excluded.opens_at, closing_starts_at = excluded.closing_starts_at, closes_at = excluded.closes_at`;

/** read_phases: one row per phase stream, from the moment the phase is scheduled. */
export async function projectPhase(tx: SqlQueryable, { event }: ProjectedEvent): Promise<void> {
  switch (event.type) {
    case 'PhaseScheduled':
      await writeDates(tx, event.data.planId, event.data.phase);
      return;
    case 'PhaseRescheduled':
      await writeDates(tx, event.data.planId, event.data.to);
      return;
    case 'PhaseOpened':
      await setStatus(tx, event.data, `status = 'open', opened_at = $3`, event.at);
      return;
    case 'PhaseClosingStarted':
      await setStatus(tx, event.data, `status = 'closing'`);
      return;
    case 'PhaseClosed':
      await setStatus(tx, event.data, `status = 'closed', closed_at = $3`, event.at);
      return;
    case 'PhaseCancelled':
      await setStatus(tx, event.data, `status = 'cancelled'`);
      return;
  }
}

function writeDates(tx: SqlQueryable, planId: string, phase: ScheduledPhase): Promise<unknown> {
  return tx.query(UPSERT_PHASE, [planId, phase.phaseId, phase.name, phase.kind, phase.order, phase.opensAt, closingStartOf(phase), phase.closesAt]);
}

function setStatus(tx: SqlQueryable, ref: { planId: string; phaseId: string }, assignments: string, at?: string): Promise<unknown> {
  const params = at === undefined ? [ref.planId, ref.phaseId] : [ref.planId, ref.phaseId, at];
  return tx.query(`update read_phases set ${assignments} where plan_id = $1 and phase_id = $2`, params);
}
