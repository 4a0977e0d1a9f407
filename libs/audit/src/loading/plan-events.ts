import { streamNames, type PlanSchedule } from '@planledger/domain';
import { notificationStreamOf } from '@planledger/notifications';
import type { EventStore, StoredEvent } from '@planledger/event-store';
import { compareRecordOrder } from '../entries/audit-entry';
import { readStream, readStreams } from './read-streams';

export interface PlanEvents {
  planId: string;
  /** The plan's time zone by its latest schedule: where a bare asOf date ends. */
  timeZone: string;
  /** Every event of the plan's streams (plan, phases, assignments, and the record of notifications about them), in record order. */
  events: StoredEvent[];
  streams: string[];
}

/**
 * Every schedule the plan ever had names every phase and obligation it ever had, and an
 * assignment's stream is named after its obligation (a reassignment keeps the stream). So the
 * plan stream alone tells which streams to read — on every store, KurrentDB included, and
 * without trusting the read models. The record of notification deliveries (every attempt and its
 * outcome) is read with them: `notifications-{planId}` and `notifications-{planId}.{assignmentId}`.
 */
export function streamsOfPlan(planId: string, planEvents: readonly StoredEvent[]): string[] {
  const schedules = planEvents.map((e) => (e.data as { schedule?: PlanSchedule }).schedule).filter((s): s is PlanSchedule => s !== undefined);
  const phaseIds = new Set(schedules.flatMap((s) => s.phases.map((p) => p.phaseId)));
  const assignmentIds = new Set(schedules.flatMap((s) => s.obligations.map((o) => o.assignmentId)));
  // A finding's rectification (ADR 0024) is named by the finding, not by a schedule.
  for (const e of planEvents) if (e.type === 'FindingRecorded') assignmentIds.add((e.data as { rectificationAssignmentId: string }).rectificationAssignmentId);
  return [
    streamNames.plan(planId),
    ...[...phaseIds].map((id) => streamNames.phase(planId, id)),
    ...[...assignmentIds].map((id) => streamNames.assignment(planId, id)),
    notificationStreamOf(planId, null),
    ...[...assignmentIds].map((id) => notificationStreamOf(planId, id)),
  ];
}

/** Undefined when the store holds no event of the plan. */
export async function loadPlanEvents(
  store: EventStore,
  planId: string,
  onProgress?: (streamsRead: number, streams: number) => void,
): Promise<PlanEvents | undefined> {
  const planEvents = await readStream(store, streamNames.plan(planId));
  if (planEvents.length === 0) return undefined;
  const streams = streamsOfPlan(planId, planEvents);
  const others = await readStreams(store, streams.slice(1), 8, onProgress);
  const latestSchedule = [...planEvents].reverse().map((e) => (e.data as { schedule?: PlanSchedule }).schedule).find((s) => s !== undefined);
  return {
    planId,
    timeZone: latestSchedule?.timeZone ?? 'UTC',
    events: [...planEvents, ...others.flat()].sort(compareRecordOrder),
    streams: streams.filter((_, i) => i === 0 || others[i - 1].length > 0),
  };
}
