import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import { streamNames, type PlanSchedule } from '@planledger/domain';
import { toStoredEvent, type EventStorage } from '@planledger/event-store';

/**
 * Every event of one plan's streams (plan, phases, assignments, their notifications), in record
 * order. On PostgreSQL and PGlite one query through migration 4's plan index
 * (`event_store_plan_of(stream)`) instead of one read per stream: the synthetic 200-school plan has
 * some 24,000 streams, read one by one in minutes (bench:web). KurrentDB reads the streams the plan
 * stream's schedules name, as before.
 */
export async function loadPlanEventsOf(storage: EventStorage, planId: string): Promise<PlanEvents | undefined> {
  if (storage.kind === 'kurrentdb') return loadPlanEvents(storage.store, planId);
  const rows = await storage.database.query(
    `select stream, revision::text as revision, event_id::text as event_id, type, schema_version,
       data::text as data, metadata::text as metadata, (extract(epoch from recorded_at) * 1000)::float8 as recorded_at_ms,
       prev_hash, hash, transaction_id::text as transaction_id, position::text as position
     from event_store_events where event_store_plan_of(stream) = $1 order by transaction_id, position`,
    [planId],
  );
  const events = rows.map(toStoredEvent);
  const planStream = streamNames.plan(planId);
  const schedules = events.filter((e) => e.stream === planStream).map((e) => (e.data as { schedule?: PlanSchedule }).schedule).filter((s): s is PlanSchedule => s !== undefined);
  if (!events.some((e) => e.stream === planStream)) return undefined;
  return { planId, timeZone: schedules.at(-1)?.timeZone ?? 'UTC', events, streams: [...new Set(events.map((e) => e.stream))] };
}
