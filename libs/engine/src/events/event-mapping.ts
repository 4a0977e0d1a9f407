import { upcast, type Actor, type PlanledgerEvent } from '@planledger/domain';
import type { EventInput, StoredEvent } from '@planledger/event-store';

export interface EventTrace {
  eventId: string;
  correlationId?: string;
  causationId?: string;
}

/** A domain event as the store keeps it: business time and actor go into the metadata. */
export const toEventInput = (event: PlanledgerEvent, trace: EventTrace): EventInput => ({
  eventId: trace.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: {
    actor: event.actor,
    businessTime: event.at,
    ...(trace.correlationId && { correlationId: trace.correlationId }),
    ...(trace.causationId && { causationId: trace.causationId }),
  },
});

/** A stored event back in the domain's shape, upcast to the version `evolve` understands. */
export const toDomainEvent = (stored: StoredEvent): PlanledgerEvent =>
  upcast({
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    stream: stored.stream,
    at: stored.metadata.businessTime ?? stored.recordedAt.toISOString(),
    actor: (stored.metadata.actor ?? { userId: 'unknown', role: 'system' }) as Actor,
    data: stored.data,
  });
