import { chainHash, genesisHash } from '../hashing/hash-chain';
import type { PreparedEvent } from '../validation/validate-append';

const COLUMNS = 'stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/** The stream's last event, whose hash the next event links to. */
export interface StreamHead {
  revision: bigint;
  hash: string;
}

/**
 * One multi-row INSERT for the whole batch, hash chain computed here from the known head. The
 * primary key (stream, revision) is the concurrency check: if another writer took head + 1, the
 * insert fails (after that writer commits), and the caller finds out why (diagnose-append.ts).
 */
/** Batches up to this size get a prepared statement of their own (per size, per connection). */
const MAX_PREPARED_BATCH = 20;

export interface AppendStatement {
  text: string;
  params: unknown[];
  /** Set for common batch sizes: the text only depends on the size. */
  statementName: string | undefined;
  /** The stream's head once the statement has committed. */
  newHead: StreamHead;
}

export function appendStatement(stream: string, head: StreamHead | undefined, events: readonly PreparedEvent[], recordedAt: Date): AppendStatement {
  const recordedAtMs = recordedAt.getTime();
  const recordedAtText = recordedAt.toISOString();
  let prevHash = head ? head.hash : genesisHash(stream);
  let revision = head ? head.revision : -1n;
  const params: unknown[] = [stream, recordedAtText];
  const rows: string[] = [];
  for (const event of events) {
    revision++;
    const hash = chainHash(prevHash, recordedAtMs, event.content);
    const p = params.length;
    rows.push(`($1, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $2, $${p + 7}, $${p + 8})`);
    params.push(revision.toString(), event.eventId, event.type, event.schemaVersion, event.dataJson, event.metadataJson, prevHash, hash);
    prevHash = hash;
  }
  // Plain RETURNING: a CTE reducing it to one row costs more to plan (PGlite cannot prepare).
  const text = `insert into event_store_events (${COLUMNS}) values ${rows.join(', ')}
    returning transaction_id::text as transaction_id, position::text as position`;
  const statementName = events.length <= MAX_PREPARED_BATCH ? `event_store_append_${events.length}` : undefined;
  return { text, params, statementName, newHead: { revision, hash: prevHash } };
}

/** One stream's share of a multi-stream append: its events chained onto its head. */
export interface StreamAppend {
  stream: string;
  head: StreamHead | undefined;
  events: readonly PreparedEvent[];
}

/**
 * One INSERT for several streams (distinct), each chained onto its own head: one round trip and
 * one commit for a whole bucket of commands. The statement is atomic: if any stream's revision was
 * taken meanwhile, nothing is written and the caller appends them one by one to find out which.
 * Rows come back with their stream and revision so that each stream gets its own position.
 */
export function appendManyStatement(appends: readonly StreamAppend[], recordedAt: Date): { text: string; params: unknown[]; newHeads: StreamHead[] } {
  const recordedAtMs = recordedAt.getTime();
  const params: unknown[] = [recordedAt.toISOString()];
  const rows: string[] = [];
  const newHeads: StreamHead[] = [];
  for (const { stream, head, events } of appends) {
    let prevHash = head ? head.hash : genesisHash(stream);
    let revision = head ? head.revision : -1n;
    params.push(stream);
    const s = params.length;
    for (const event of events) {
      revision++;
      const hash = chainHash(prevHash, recordedAtMs, event.content);
      const p = params.length;
      rows.push(`($${s}, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $1, $${p + 7}, $${p + 8})`);
      params.push(revision.toString(), event.eventId, event.type, event.schemaVersion, event.dataJson, event.metadataJson, prevHash, hash);
      prevHash = hash;
    }
    newHeads.push({ revision, hash: prevHash });
  }
  const text = `insert into event_store_events (${COLUMNS}) values ${rows.join(', ')}
    returning stream, revision::text as revision, transaction_id::text as transaction_id, position::text as position`;
  return { text, params, newHeads };
}
