import { randomUUID } from 'node:crypto';
import { formatGlobalPosition, type Actor, type EventStore, type StoredEvent } from '@planledger/event-store';

/**
 * An operator's decision about an event a projection parked. Recorded in the store (so it is
 * part of the audited record and every runner, and every rebuild, applies it in order); these
 * are not plan events, so the plan handlers and the PlanReactor skip them.
 */
export const PROJECTION_EVENT_SKIPPED = 'ProjectionEventSkipped';
export const PROJECTION_EVENT_RETRIED = 'ProjectionEventRetried';
export type ParkingDecisionType = typeof PROJECTION_EVENT_SKIPPED | typeof PROJECTION_EVENT_RETRIED;

/** One stream for every decision: they are rare, and its history is the operators' log. */
export const PARKING_DECISIONS_STREAM = 'projections-decisions';

export interface ParkingDecisionData {
  projection: string;
  /** "commit:prepare" of the parked event. */
  position: string;
  eventId: string;
  stream: string;
  revision: string;
  reason?: string;
}

export interface ParkingDecision {
  type: ParkingDecisionType;
  data: ParkingDecisionData;
  actor: Actor;
  businessTime: Date;
}

export const isParkingDecision = (event: StoredEvent): event is StoredEvent<ParkingDecisionData> =>
  event.stream === PARKING_DECISIONS_STREAM && (event.type === PROJECTION_EVENT_SKIPPED || event.type === PROJECTION_EVENT_RETRIED);

export async function recordParkingDecision(store: EventStore, decision: ParkingDecision): Promise<{ position: string }> {
  const result = await store.append(
    PARKING_DECISIONS_STREAM,
    [{
      eventId: randomUUID(),
      type: decision.type,
      schemaVersion: 1,
      data: decision.data,
      metadata: { actor: decision.actor, businessTime: decision.businessTime.toISOString() },
    }],
    'any',
  );
  return { position: formatGlobalPosition(result.position) };
}
