import { z } from 'zod';
import type { EventMetadata, StoredEvent } from '../port/event-types';

const bigintish = z.union([z.bigint(), z.number(), z.string()]).transform((value) => BigInt(value));
const jsonObject = z.union([z.string().transform((text) => JSON.parse(text) as unknown), z.unknown()]);

/** A row of event_store_events as either driver returns it (int8 as string, bigint or number). */
const eventRowSchema = z.object({
  stream: z.string(),
  revision: bigintish,
  event_id: z.string(),
  type: z.string(),
  schema_version: z.number().int(),
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
  recorded_at: z.union([z.date(), z.string().transform((text) => new Date(text))]),
  prev_hash: z.string(),
  hash: z.string(),
  transaction_id: bigintish,
  position: bigintish,
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
    recordedAt: parsed.recorded_at,
    prevHash: parsed.prev_hash,
    hash: parsed.hash,
    position: { commit: parsed.transaction_id, prepare: parsed.position },
  };
}

export const appendRowSchema = z.object({
  first_revision: bigintish,
  last_revision: bigintish,
  last_transaction_id: bigintish,
  last_position: bigintish,
});

export const snapshotRowSchema = z.object({
  stream: z.string(),
  state_schema_version: z.number().int(),
  revision: bigintish,
  state: jsonObject,
});
