import type { PlanSchedule } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { scheduleTalliesOf } from '../sql/migrations';
import type { ProjectedEvent } from './projected-event';

const UPSERT_PLAN = `insert into read_plans (plan_id, title, document_number, issuing_authority, time_zone, status,
    starts_at, ends_at, amendments, schedule, updated_at, last_position)
  values ($1, $2, $3, $4, $5, 'draft', $6, $7, 0, $8::jsonb, $9, $10)
  on conflict (plan_id) do update set title = excluded.title, document_number = excluded.document_number,
    issuing_authority = excluded.issuing_authority, time_zone = excluded.time_zone, starts_at = excluded.starts_at,
    ends_at = excluded.ends_at, schedule = excluded.schedule, updated_at = excluded.updated_at, last_position = excluded.last_position`;

/** read_plans: one row per plan, its schedule as last drafted, published or amended. */
export async function projectPlan(tx: SqlQueryable, { event, position }: ProjectedEvent): Promise<void> {
  const at = event.at;
  switch (event.type) {
    case 'PlanDrafted':
    case 'PlanDraftRevised':
      await writeSchedule(tx, event.data.schedule, at, position);
      return;
    case 'PlanPublished':
      await writeSchedule(tx, event.data.schedule, at, position);
      await tx.query(`update read_plans set status = 'published', published_at = $2 where plan_id = $1`, [event.data.planId, at]);
      return;
    case 'PlanAmended':
      await writeSchedule(tx, event.data.schedule, at, position);
      await tx.query('update read_plans set amendments = $2 where plan_id = $1', [event.data.planId, event.data.amendment]);
      return;
    case 'PlanClosed':
      await tx.query(`update read_plans set status = 'closed', closed_at = $2, updated_at = $2, last_position = $3 where plan_id = $1`, [
        event.data.planId,
        at,
        position,
      ]);
      return;
  }
}

/** The row, then its schedule counted into read_schedule_tallies (read-model migration 7). */
async function writeSchedule(tx: SqlQueryable, schedule: PlanSchedule, at: string, position: string): Promise<void> {
  await tx.query(UPSERT_PLAN, [
    schedule.planId,
    schedule.title,
    schedule.documentNumber,
    schedule.issuingAuthority,
    schedule.timeZone,
    schedule.startsAt,
    schedule.endsAt,
    JSON.stringify(schedule),
    at,
    position,
  ]);
  await tx.query('delete from read_schedule_tallies where plan_id = $1', [schedule.planId]);
  await tx.query(scheduleTalliesOf('where p.plan_id = $1'), [schedule.planId]);
}
