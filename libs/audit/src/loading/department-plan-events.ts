import { streamNames, type PlanSchedule } from '@planledger/domain';
import { toStoredEvent, type SqlQueryable, type StoredEvent } from '@planledger/event-store';
import { compareRecordOrder } from '../entries/audit-entry';
import type { PlanEvents } from './plan-events';

const COLUMNS = `stream, revision::text as revision, event_id::text as event_id, type, schema_version,
  data::text as data, metadata::text as metadata, (extract(epoch from recorded_at) * 1000)::float8 as recorded_at_ms,
  prev_hash, hash, transaction_id::text as transaction_id, position::text as position`;

async function eventsOf(database: SqlQueryable, streams: readonly string[]): Promise<StoredEvent[]> {
  if (streams.length === 0) return [];
  const rows = await database.query(`select ${COLUMNS} from event_store_events where stream = any($1::text[]) order by transaction_id, position`, [streams]);
  return rows.map(toStoredEvent);
}

/** Plan streams kept; a bureau runs a handful of plans at a time. */
const KEPT_PLAN_STREAMS = 8;

/**
 * Plan streams as parsed events, kept per process. A plan stream holds every schedule the plan
 * had, each with all its obligations (tens of megabytes of JSON for the synthetic 200-school
 * plan: most of a department replay's cost when parsed per request). Streams are append-only
 * (ADR 0001) and events never change, so a kept stream is brought up to date by reading only the
 * events after its last revision (one primary-key range, usually empty): never stale.
 */
export class PlanStreamCache {
  private readonly kept = new Map<string, StoredEvent[]>();

  async read(database: SqlQueryable, planId: string): Promise<StoredEvent[]> {
    const stream = streamNames.plan(planId);
    const kept = this.kept.get(stream) ?? [];
    const after = kept.length === 0 ? -1n : BigInt(kept[kept.length - 1].revision);
    const rows = await database.query(`select ${COLUMNS} from event_store_events where stream = $1 and revision > $2 order by revision`, [stream, after.toString()]);
    const events = rows.length === 0 ? kept : [...kept, ...rows.map(toStoredEvent)];
    this.kept.delete(stream);
    if (events.length > 0) this.kept.set(stream, events);
    if (this.kept.size > KEPT_PLAN_STREAMS) this.kept.delete(this.kept.keys().next().value!);
    return events;
  }
}

/**
 * What a replay of one department's work in one plan needs, and no more (PostgreSQL and PGlite):
 * the plan stream, its phases' streams, and every assignment stream that was ever given to the
 * department — issued to it (`AssignmentIssued`, the obligation's department) or reassigned to it
 * (`AssignmentReassigned`, `toDepartmentId`). A stream given to the department and later moved on
 * is read too: the fold decides who held it at the moment asked for. Found through migration 4's
 * department index (`event_store_department_of`, which names exactly those departments for those
 * two event types) and, as a second source, the obligations every schedule of the plan assigns to
 * the department. Streams are read by the primary key; the plan stream through `planStreams` when
 * given (kept parsed between requests). Undefined when the plan has no event.
 *
 * The synthetic 200-school plan has some 24,000 assignment streams; a school's are about 200.
 */
export async function loadDepartmentPlanEvents(database: SqlQueryable, planId: string, departmentId: string, planStreams?: PlanStreamCache): Promise<PlanEvents | undefined> {
  const [planEvents, given] = await Promise.all([
    planStreams ? planStreams.read(database, planId) : eventsOf(database, [streamNames.plan(planId)]),
    database.query<{ stream: string }>(
      `select distinct stream from event_store_events
       where event_store_department_of(data, metadata) = $2 and event_store_plan_of(stream) = $1
         and type in ('AssignmentIssued', 'AssignmentReassigned')`,
      [planId, departmentId],
    ),
  ]);
  if (planEvents.length === 0) return undefined;
  const schedules = planEvents.map((e) => (e.data as { schedule?: PlanSchedule }).schedule).filter((s): s is PlanSchedule => s !== undefined);
  const phases = new Set(schedules.flatMap((s) => s.phases.map((p) => streamNames.phase(planId, p.phaseId))));
  const assignments = new Set(given.map((row) => row.stream).filter((stream) => stream.startsWith('assignment-')));
  for (const s of schedules) for (const o of s.obligations) if (o.departmentId === departmentId) assignments.add(streamNames.assignment(planId, o.assignmentId));
  const others = await eventsOf(database, [...phases, ...assignments]);
  const events = [...planEvents, ...others].sort(compareRecordOrder);
  return { planId, timeZone: schedules.at(-1)?.timeZone ?? 'UTC', events, streams: [...new Set(events.map((e) => e.stream))] };
}

