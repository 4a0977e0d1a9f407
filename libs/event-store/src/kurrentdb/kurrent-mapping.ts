import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { z } from 'zod';
import { ConcurrencyError, StoreUnavailableError } from '../errors';
import type { EventMetadata, GlobalPosition, StoredEvent } from '../port/event-types';
import type { NormalisedExpectedRevision, PreparedEvent } from '../validation/validate-append';

/** What we keep in a KurrentDB event's metadata: ours, plus KurrentDB's own $correlationId/$causationId. */
const storedMetadataSchema = z.object({
  $correlationId: z.string().optional(),
  $causationId: z.string().optional(),
  schemaVersion: z.number().int(),
  actor: z.object({ userId: z.string(), role: z.string(), departmentId: z.string().optional() }).optional(),
  businessTime: z.string().optional(),
  recordedAtMs: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
});

export function toKurrentStreamState(expected: NormalisedExpectedRevision): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (expected === 'any') return ANY;
  return expected;
}

export function fromKurrentCurrentState(state: CurrentStreamState): bigint | 'no_stream' {
  return state === NO_STREAM ? 'no_stream' : state;
}

export function toGlobalPosition(position: Position | undefined): GlobalPosition {
  if (!position) throw new Error('KurrentDB returned an event without a position');
  return { commit: position.commit, prepare: position.prepare };
}

export function toKurrentPosition(position: GlobalPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

export interface ChainLink {
  recordedAtMs: number;
  prevHash: string;
  hash: string;
}

export function toKurrentEventData(event: PreparedEvent, link: ChainLink): EventData {
  const { correlationId, causationId, ...rest } = event.metadata;
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: JSON.parse(event.dataJson) as Record<string, unknown>,
    metadata: {
      ...(correlationId !== undefined && { $correlationId: correlationId }),
      ...(causationId !== undefined && { $causationId: causationId }),
      ...rest,
      schemaVersion: event.schemaVersion,
      ...link,
    },
  });
}

export function fromResolvedEvent(resolved: ResolvedEvent): StoredEvent {
  const recorded = resolved.event;
  if (!recorded) throw new Error('KurrentDB returned a link to a deleted event');
  const stored = storedMetadataSchema.parse(recorded.metadata);
  const metadata: EventMetadata = {
    ...(stored.$correlationId !== undefined && { correlationId: stored.$correlationId }),
    ...(stored.$causationId !== undefined && { causationId: stored.$causationId }),
    ...(stored.actor !== undefined && { actor: stored.actor }),
    ...(stored.businessTime !== undefined && { businessTime: stored.businessTime }),
  };
  return {
    stream: recorded.streamId,
    revision: recorded.revision,
    eventId: recorded.id,
    type: recorded.type,
    schemaVersion: stored.schemaVersion,
    data: recorded.data,
    metadata,
    recordedAt: new Date(stored.recordedAtMs),
    prevHash: stored.prevHash,
    hash: stored.hash,
    position: toGlobalPosition(recorded.position),
  };
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Maps the client's errors onto ours. Without a server, reads throw UnavailableError but appends a raw gRPC error. */
export function mapKurrentError(error: unknown, stream: string, expected: NormalisedExpectedRevision | undefined, doing: string): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new ConcurrencyError(error.streamName || stream, expected ?? error.expectedState, fromKurrentCurrentState(error.actualState));
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UnavailableError || code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) {
    return new StoreUnavailableError(`KurrentDB unavailable while ${doing}: ${(error as Error).message}`, { cause: error });
  }
  return error;
}
