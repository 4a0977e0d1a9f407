/** Who caused an event; the store keeps it verbatim for auditors. */
export interface Actor {
  userId: string;
  role: string;
  departmentId?: string;
}

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  actor?: Actor;
  /** ISO-8601 time at which the fact happened in the business, as opposed to when it was recorded. */
  businessTime?: string;
}

/** What a caller hands to `append`. Generic on purpose: the domain's events map onto it. */
export interface EventInput<Data = unknown> {
  /** UUID chosen by the caller; re-sending the same id makes a retry idempotent. */
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/**
 * A place in the global order. Compared as the pair (commit, prepare).
 * PostgreSQL/PGlite: commit = id of the writing transaction (xid8), prepare = row sequence number.
 * KurrentDB: its own commit/prepare positions in the transaction log.
 */
export interface GlobalPosition {
  commit: bigint;
  prepare: bigint;
}

export interface StoredEvent<Data = unknown> extends EventInput<Data> {
  stream: string;
  /** 0-based position of the event inside its stream. */
  revision: bigint;
  position: GlobalPosition;
  recordedAt: Date;
  /** Hash of the previous event of the stream (or of the stream's genesis for revision 0). */
  prevHash: string;
  hash: string;
}

/**
 * Optimistic concurrency:
 * - 'no_stream': the stream must not exist yet;
 * - 'stream_exists': it must already hold at least one event;
 * - 'any': no check;
 * - a number or bigint: the revision of the stream's last event must equal it.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint | number;

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expected revision. */
  nextExpectedRevision: bigint;
  firstRevision: bigint;
  /** Global position of the last appended event. */
  position: GlobalPosition;
}
