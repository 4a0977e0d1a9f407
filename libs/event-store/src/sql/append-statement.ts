import { chainHash, contentDigest, genesisHash } from '../hashing/hash-chain';
import type { PreparedEvent } from '../validation/validate-append';

const COLUMNS = 'stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';
const PARAMETERS_PER_ROW = 10;

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
export function appendStatement(stream: string, head: StreamHead | undefined, events: readonly PreparedEvent[], recordedAt: Date): [string, unknown[]] {
  const recordedAtMs = recordedAt.getTime();
  const recordedAtText = recordedAt.toISOString();
  let prevHash = head ? head.hash : genesisHash(stream);
  let revision = head ? head.revision : -1n;
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const event of events) {
    revision++;
    const hash = chainHash(prevHash, contentDigest(event.canonicalContent), recordedAtMs);
    const base = params.length;
    rows.push(`(${Array.from({ length: PARAMETERS_PER_ROW }, (_, i) => `$${base + i + 1}`).join(', ')})`);
    params.push(stream, revision.toString(), event.eventId, event.type, event.schemaVersion, event.dataJson, event.metadataJson, recordedAtText, prevHash, hash);
    prevHash = hash;
  }
  const text = `insert into event_store_events (${COLUMNS}) values ${rows.join(', ')}
    returning revision::text as revision, hash, transaction_id::text as transaction_id, position::text as position`;
  return [text, params];
}
