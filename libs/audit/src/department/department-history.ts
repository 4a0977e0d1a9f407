import { parseStreamName, streamNames } from '@planledger/domain';
import type { EventStorage, SqlQueryable } from '@planledger/event-store';
import { readStreams } from '../loading/read-streams';
import { byBusinessTimeThenRecord, eventsWhileHeld, type DepartmentHistoryEntry } from './department-events';

interface AssignmentKey {
  planId: string;
  assignmentId: string;
}

/** Assignments the department holds or was first given, by the read models (every store kind has them). */
async function fromReadModels(database: SqlQueryable, departmentId: string): Promise<AssignmentKey[]> {
  const rows = await database.query<{ plan_id: string; assignment_id: string }>(
    `select plan_id, assignment_id from read_assignments where department_id = $1 or state #>> '{obligation,departmentId}' = $1`,
    [departmentId],
  );
  return rows.map((r) => ({ planId: r.plan_id, assignmentId: r.assignment_id }));
}

/**
 * Assignments that passed through the department by reassignment, by the events themselves
 * (SQL stores only: there the events table is in the same database). Read models keep only the
 * first and the current holder; this finds the ones in between.
 */
async function fromReassignments(database: SqlQueryable, departmentId: string): Promise<AssignmentKey[]> {
  const rows = await database.query<{ stream: string }>(
    `select distinct stream from event_store_events
     where type = 'AssignmentReassigned' and (data->>'toDepartmentId' = $1 or data->>'fromDepartmentId' = $1)`,
    [departmentId],
  );
  return rows.flatMap(({ stream }) => {
    const ref = parseStreamName(stream);
    return ref?.aggregate === 'assignment' ? [{ planId: ref.planId, assignmentId: ref.assignmentId }] : [];
  });
}

/** Every event about the department's assignments across plans, newest last. */
export async function loadDepartmentHistory(storage: Pick<EventStorage, 'store' | 'database' | 'kind'>, departmentId: string): Promise<DepartmentHistoryEntry[]> {
  const keys = await fromReadModels(storage.database, departmentId);
  if (storage.kind !== 'kurrentdb') keys.push(...(await fromReassignments(storage.database, departmentId)));
  const unique = [...new Map(keys.map((k) => [streamNames.assignment(k.planId, k.assignmentId), k])).entries()];
  const streams = await readStreams(storage.store, unique.map(([stream]) => stream));
  return unique.flatMap(([, key], i) => eventsWhileHeld(departmentId, streams[i], key)).sort(byBusinessTimeThenRecord);
}
