import { formatGlobalPosition, type Actor, type StoredEvent } from '@planledger/event-store';

/**
 * One stored event exactly as the store holds it: no upcasting, so an auditor sees the bytes the
 * hash covers, and events that are not plan events (the audit trail's own) read the same way.
 */
export interface AuditEntry {
  stream: string;
  revision: number;
  /** Global order ("commit:prepare"). */
  position: string;
  eventId: string;
  type: string;
  schemaVersion: number;
  actor: Actor | null;
  /** When it happened in the business (metadata.businessTime); null when the writer gave none. */
  businessTime: string | null;
  /** When the store recorded it. */
  recordedAt: string;
  correlationId: string | null;
  causationId: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

export function toAuditEntry(stored: StoredEvent): AuditEntry {
  return {
    stream: stored.stream,
    revision: Number(stored.revision),
    position: formatGlobalPosition(stored.position),
    eventId: stored.eventId,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    actor: stored.metadata.actor ?? null,
    businessTime: stored.metadata.businessTime ?? null,
    recordedAt: stored.recordedAt.toISOString(),
    correlationId: stored.metadata.correlationId ?? null,
    causationId: stored.metadata.causationId ?? null,
    data: stored.data,
    prevHash: stored.prevHash,
    hash: stored.hash,
  };
}

/** Record order across streams: commit, then prepare. */
export function compareRecordOrder(a: StoredEvent, b: StoredEvent): number {
  const { commit: ac, prepare: ap } = a.position;
  const { commit: bc, prepare: bp } = b.position;
  if (ac !== bc) return ac < bc ? -1 : 1;
  return ap < bp ? -1 : ap > bp ? 1 : 0;
}
