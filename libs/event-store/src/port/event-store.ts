import type {
  AppendResult,
  EventInput,
  ExpectedRevision,
  GlobalPosition,
  StoredEvent,
} from './event-types';
import type { VerifyReport } from '../hashing/verify-report';
import type { Snapshot } from '../snapshots/snapshot';

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: ReadDirection;
  /** Inclusive. Defaults to the first event (forwards) or the last one (backwards). */
  fromRevision?: bigint | number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: the events strictly after this position. Defaults to the beginning. */
  after?: GlobalPosition;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Checkpoint: delivery starts strictly after it. Defaults to the beginning. */
  after?: GlobalPosition;
  /** Called once per event, in global order; the next event waits for the promise. */
  onEvent: (event: StoredEvent) => Promise<void> | void;
  /** Called when the subscription stops on an error (the handler's or the store's). */
  onError?: (error: unknown) => void;
  /** How often to look for new events once caught up. */
  pollIntervalMs?: number;
}

export interface Subscription {
  /** Position of the last event handed to onEvent: store it as the checkpoint. */
  readonly lastPosition: GlobalPosition | undefined;
  /** Resolves once the subscription has caught up with the events stored when it started. */
  readonly caughtUp: Promise<void>;
  /** Stops after the event being handled; resolves when no handler runs any more. */
  stop(): Promise<void>;
}

/** One stream's part of `appendMany`. */
export interface AppendRequest {
  stream: string;
  events: readonly EventInput[];
  expectedRevision: ExpectedRevision;
}

/**
 * Batched reads and writes over many streams, for callers that handle many aggregates at once
 * (a bucket of timers due at one instant). Optional: an adapter without them is used one stream
 * at a time (load-state.ts `loadStates`, the engine's `executeMany`). Each request keeps the
 * guarantees of its single-stream counterpart.
 */
export interface BatchedEventStore {
  /** The snapshots of those streams that have one. */
  readSnapshots(streams: readonly string[]): Promise<Map<string, Snapshot>>;
  /** Each stream's events from `fromRevision` (inclusive) to its head, in revision order. */
  readStreams(requests: readonly { stream: string; fromRevision: bigint }[]): Promise<Map<string, StoredEvent[]>>;
  /** One result per request, in order: its AppendResult, or the error its own `append` would throw. */
  appendMany(requests: readonly AppendRequest[]): Promise<PromiseSettledResult<AppendResult>[]>;
}

/** The port the rest of planledger uses. Every adapter passes the same contract suite. */
export interface EventStore extends Partial<BatchedEventStore> {
  append(stream: string, events: readonly EventInput[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** Walks every stream's hash chain. */
  verify(): Promise<VerifyReport>;
  readSnapshot(stream: string): Promise<Snapshot | undefined>;
  /**
   * The id this store was given when it was created (a UUID), the same for every process and
   * every reopening; another store never has it, a copy of this one (a restored backup) does.
   */
  storeId(): Promise<string>;
  writeSnapshot(stream: string, snapshot: Snapshot): Promise<void>;
  close(): Promise<void>;
}
