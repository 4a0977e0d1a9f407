import { instantInZone, localDateOf } from '@planledger/calendar';
import type { PlanSchedule, ScheduledOutsideEvent } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';

/** One recorded date of an outside event (ADR 0015): what was recorded, when and by whom. */
export interface OutsideEventOccurrence {
  occurrence: number;
  /** The event's local date (YYYY-MM-DD, the plan's zone). */
  date: string;
  /** Business time of the recording, in the plan's zone with its offset. */
  recordedAt: string;
  recordedBy: { userId: string; role: string; displayName?: string } | null;
  /** An inspection's inspected units; empty otherwise. */
  units: string[];
  note: string;
  /** Assignments this occurrence issued (period key `${eventId}-${occurrence}`) known at the time asked. */
  assignmentsIssued: number;
}

/** An outside event the plan names, waiting for its date or recorded (ADR 0015, ADR 0020). */
export interface OutsideEventView {
  eventId: string;
  name: string;
  recurring: boolean;
  inspection: boolean;
  expected: { from: string; to: string } | null;
  /** waiting: no date recorded yet; recorded: at least one occurrence (a recurring event may be recorded again). */
  status: 'waiting' | 'recorded';
  /** Waiting while its expected window has ended (its last day is before the day asked about, in the plan's zone). */
  expectedPassed: boolean;
  occurrences: OutsideEventOccurrence[];
}

interface RecordedData {
  eventId: string;
  occurrence: number;
  date: string;
  units?: string[];
  note?: string;
}

/**
 * The plan's outside events as they stood at `at`: the events the schedule in force names (the
 * last published or amended schedule of `planStream`) and every `OutsideEventRecorded` in it.
 * `planStream` must hold only the plan stream's events up to the instant asked about (an as-of
 * replay filters them first); `issuedFor(periodKey)` counts the assignments issued under a period
 * key by then. An event recorded but no longer named by an amended schedule is still listed.
 * Pure: the same events, counts and instant give the same answer.
 */
export function outsideEventsOf(planStream: readonly StoredEvent[], issuedFor: (periodKey: string) => number, at: string): OutsideEventView[] {
  let schedule: PlanSchedule | undefined;
  const recorded = new Map<string, OutsideEventOccurrence[]>();
  for (const event of planStream) {
    const data = event.data as { schedule?: PlanSchedule };
    if (data.schedule && (event.type === 'PlanDrafted' || event.type === 'PlanDraftRevised' || event.type === 'PlanPublished' || event.type === 'PlanAmended')) schedule = data.schedule;
    if (event.type !== 'OutsideEventRecorded') continue;
    const fact = event.data as RecordedData;
    const actor = event.metadata.actor as OutsideEventOccurrence['recordedBy'] | undefined;
    const list = recorded.get(fact.eventId) ?? [];
    list.push({
      occurrence: fact.occurrence,
      date: fact.date,
      recordedAt: event.metadata.businessTime ?? event.recordedAt.toISOString(),
      recordedBy: actor ? { userId: actor.userId, role: actor.role, ...(actor.displayName && { displayName: actor.displayName }) } : null,
      units: fact.units ?? [],
      note: fact.note ?? '',
      assignmentsIssued: issuedFor(`${fact.eventId}-${fact.occurrence}`),
    });
    recorded.set(fact.eventId, list);
  }
  if (!schedule) return [];
  const zone = schedule.timeZone;
  const today = localDateOf(at, zone);
  for (const list of recorded.values()) for (const o of list) o.recordedAt = instantInZone(o.recordedAt, zone);
  const named = schedule.outsideEvents ?? [];
  const unnamed = [...recorded.keys()].filter((id) => !named.some((e) => e.eventId === id))
    .map((eventId): ScheduledOutsideEvent => ({ eventId, name: eventId, recurring: false, inspection: false }));
  return [...named, ...unnamed].map((event) => {
    const occurrences = recorded.get(event.eventId) ?? [];
    const expected = event.expected ?? null;
    return {
      eventId: event.eventId,
      name: event.name,
      recurring: event.recurring,
      inspection: event.inspection,
      expected,
      status: occurrences.length > 0 ? 'recorded' : 'waiting',
      expectedPassed: occurrences.length === 0 && expected !== null && expected.to < today,
      occurrences,
    };
  });
}

/** Period keys of outside-event occurrences (`${eventId}-${n}`) the views above count assignments under. */
export const occurrencePeriodKeys = (views: readonly OutsideEventView[]): string[] =>
  views.flatMap((v) => v.occurrences.map((o) => `${v.eventId}-${o.occurrence}`));
