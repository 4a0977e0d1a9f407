import { compareGlobalPositions, formatGlobalPosition, parseGlobalPosition, type EventStore, type ReadStreamOptions, type StoredEvent } from '@planledger/event-store';
import { toDomainEvent } from '@planledger/engine';
import { isNotificationRecordType } from '@planledger/notifications';

/** One recorded event as auditors read it. */
export interface HistoryEntry {
  stream: string;
  revision: number;
  /** Global order ("commit:prepare"): sorts events across streams as the store recorded them. */
  position: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  actor: { userId: string; role: string; departmentId?: string };
  /** When it happened in the business (the clock of the command or timer). */
  businessTime: string;
  /** When the store recorded it. */
  recordedAt: string;
  correlationId: string | null;
  causationId: string | null;
  data: unknown;
}

/**
 * Upcast through the engine, so old schema versions read as today's events. The record of
 * notification deliveries (NotificationSent, …; one schema version so far) reads as stored.
 */
export function toHistoryEntry(stored: StoredEvent): HistoryEntry {
  const event = isNotificationRecordType(stored.type)
    ? { type: stored.type, schemaVersion: stored.schemaVersion, actor: (stored.metadata.actor ?? { userId: 'system-notifications', role: 'system' }) as HistoryEntry['actor'], at: stored.metadata.businessTime ?? stored.recordedAt.toISOString(), data: stored.data }
    : toDomainEvent(stored);
  return {
    stream: stored.stream,
    revision: Number(stored.revision),
    position: formatGlobalPosition(stored.position),
    eventId: stored.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    actor: event.actor,
    businessTime: event.at,
    recordedAt: stored.recordedAt.toISOString(),
    correlationId: stored.metadata.correlationId ?? null,
    causationId: stored.metadata.causationId ?? null,
    data: event.data,
  };
}

export async function readHistory(store: EventStore, stream: string, options?: ReadStreamOptions): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for await (const stored of store.readStream(stream, options)) entries.push(toHistoryEntry(stored));
  return entries;
}

/** Global record order (positions are kept in their text form). */
export const byPosition = (a: HistoryEntry, b: HistoryEntry): number =>
  compareGlobalPositions(parseGlobalPosition(a.position), parseGlobalPosition(b.position));
