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

/** The port the rest of planledger uses. Every adapter passes the same contract suite. */
export interface EventStore {
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
