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

/**
 * What a replay of one department's work in one plan needs, and no more (PostgreSQL and PGlite):
 * the plan stream, its phases' streams, and every assignment stream that was ever given to the
 * department — issued to it (`AssignmentIssued`, the obligation's department) or reassigned to it
 * (`AssignmentReassigned`, `toDepartmentId`). A stream given to the department and later moved on
 * is read too: the fold decides who held it at the moment asked for. Found through migration 4's
 * department index (`event_store_department_of`, which names exactly those departments for those
 * two event types) and, as a second source, the obligations every schedule of the plan assigns to
 * the department. Streams are read by the primary key. Undefined when the plan has no event.
 *
 * The synthetic 200-school plan has some 24,000 assignment streams; a school's are about 200.
 */
export async function loadDepartmentPlanEvents(database: SqlQueryable, planId: string, departmentId: string): Promise<PlanEvents | undefined> {
  const planStream = streamNames.plan(planId);
  const [planEvents, given] = await Promise.all([
    eventsOf(database, [planStream]),
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

