import { z } from 'zod';
import type { EventMetadata, StoredEvent } from '../port/event-types';

/** int8/xid8 arrive as text (see statements.ts); BigInt keeps every digit. */
const bigintText = z.string().regex(/^-?\d+$/).transform((text) => BigInt(text));
const jsonText = z.string().transform((text) => JSON.parse(text) as unknown);

const eventRowSchema = z.object({
  stream: z.string(),
  revision: bigintText,
  event_id: z.string(),
  type: z.string(),
  schema_version: z.number().int(),
  data: jsonText,
  metadata: jsonText.pipe(z.record(z.string(), z.unknown())),
  recorded_at_ms: z.number(),
  prev_hash: z.string(),
  hash: z.string(),
  transaction_id: bigintText,
  position: bigintText,
});

export function toStoredEvent(row: unknown): StoredEvent {
  const parsed = eventRowSchema.parse(row);
  return {
    stream: parsed.stream,
    revision: parsed.revision,
    eventId: parsed.event_id,
    type: parsed.type,
    schemaVersion: parsed.schema_version,
    data: parsed.data,
    metadata: parsed.metadata as EventMetadata,
    recordedAt: new Date(parsed.recorded_at_ms),
    prevHash: parsed.prev_hash,
    hash: parsed.hash,
    position: { commit: parsed.transaction_id, prepare: parsed.position },
  };
}

/** What the append statement returns per event: where it sits in the global order. */
export const insertedRowSchema = z.object({ transaction_id: bigintText, position: bigintText });

export const headRowSchema = z.object({ revision: bigintText, hash: z.string() });

export const snapshotRowSchema = z.object({
  stream: z.string(),
  state_schema_version: z.number().int(),
  revision: bigintText,
  state: jsonText,
});

export const storedIdRowSchema = z
  .object({ event_id: z.string(), stream: z.string(), revision: bigintText, transaction_id: bigintText, position: bigintText })
  .transform((row) => ({
    eventId: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: { commit: row.transaction_id, prepare: row.position },
  }));
