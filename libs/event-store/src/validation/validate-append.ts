import { z } from 'zod';
import { InvalidEventError } from '../errors';
import type { EventInput, EventMetadata, ExpectedRevision } from '../port/event-types';
import { eventContent } from '../hashing/hash-chain';
import { toJsonText } from './json-text';

const MAX_STREAM_NAME_LENGTH = 500;

const metadataSchema = z.strictObject({
  correlationId: z.string().min(1).optional(),
  causationId: z.string().min(1).optional(),
  actor: z
    .strictObject({ userId: z.string().min(1), role: z.string().min(1), departmentId: z.string().min(1).optional() })
    .optional(),
  businessTime: z.iso.datetime({ offset: true }).optional(),
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event checked and serialised once, ready for any adapter. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  metadata: EventMetadata;
  /** JSON text as stored (the caller's key order is kept, so reads give back the same text). */
  dataJson: string;
  metadataJson: string;
  /** What the hash chain covers (hashing/hash-chain.ts). */
  content: string;
}

export type NormalisedExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export function validateStreamName(stream: unknown, where = 'stream'): string {
  if (typeof stream !== 'string') throw new InvalidEventError(where, `must be a string, got ${typeof stream}`);
  if (stream.trim().length === 0) throw new InvalidEventError(where, 'must not be empty');
  if (stream.length > MAX_STREAM_NAME_LENGTH) throw new InvalidEventError(where, `is longer than ${MAX_STREAM_NAME_LENGTH} characters`);
  if (stream.includes('\u0000')) throw new InvalidEventError(where, 'must not contain NUL characters');
  return stream;
}

export function normaliseExpectedRevision(expected: unknown, where = 'expectedRevision'): NormalisedExpectedRevision {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return expected;
  if (typeof expected === 'bigint') {
    if (expected < 0n) throw new InvalidEventError(where, `must not be negative, got ${expected}`);
    return expected;
  }
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected)) throw new InvalidEventError(where, `must be an integer, got ${expected}`);
    if (expected < 0) throw new InvalidEventError(where, `must not be negative, got ${expected}`);
    return BigInt(expected);
  }
  throw new InvalidEventError(where, "must be 'no_stream', 'stream_exists', 'any' or a revision (bigint or integer)");
}

export function prepareEvents(events: unknown): PreparedEvent[] {
  if (!Array.isArray(events)) throw new InvalidEventError('events', 'must be an array');
  if (events.length === 0) throw new InvalidEventError('events', 'must contain at least one event');
  const seenIds = new Map<string, number>();
  return events.map((event, index) => {
    const prepared = prepareEvent(event, `events[${index}]`);
    const earlier = seenIds.get(prepared.eventId.toLowerCase());
    if (earlier !== undefined) {
      throw new InvalidEventError(`events[${index}].eventId`, `repeats the id of events[${earlier}]`);
    }
    seenIds.set(prepared.eventId.toLowerCase(), index);
    return prepared;
  });
}

function prepareEvent(event: unknown, where: string): PreparedEvent {
  if (typeof event !== 'object' || event === null) throw new InvalidEventError(where, 'must be an object');
  const input = event as Partial<EventInput>;
  if (typeof input.eventId !== 'string' || !uuidPattern.test(input.eventId)) {
    throw new InvalidEventError(`${where}.eventId`, 'must be a UUID string');
  }
  if (typeof input.type !== 'string' || input.type.trim().length === 0) {
    throw new InvalidEventError(`${where}.type`, 'is required and must be a non-empty string');
  }
  if (!Number.isSafeInteger(input.schemaVersion) || (input.schemaVersion as number) < 1) {
    throw new InvalidEventError(`${where}.schemaVersion`, 'must be an integer ≥ 1');
  }
  if (!('data' in input)) throw new InvalidEventError(`${where}.data`, 'is required (use null for no data)');
  const metadata = parseMetadata(input.metadata ?? {}, `${where}.metadata`);
  const eventId = input.eventId.toLowerCase();
  const dataJson = toJsonText(input.data, `${where}.data`);
  const metadataJson = JSON.stringify(metadata);
  return {
    eventId,
    type: input.type,
    schemaVersion: input.schemaVersion as number,
    metadata,
    dataJson,
    metadataJson,
    content: eventContent(eventId, input.type, input.schemaVersion as number, dataJson, metadataJson),
  };
}

function parseMetadata(metadata: unknown, where: string): EventMetadata {
  const result = metadataSchema.safeParse(metadata);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  throw new InvalidEventError(`${where}${path}`, issue.message);
}

export function validateExpectedRevision(expected: ExpectedRevision): NormalisedExpectedRevision {
  return normaliseExpectedRevision(expected);
}
