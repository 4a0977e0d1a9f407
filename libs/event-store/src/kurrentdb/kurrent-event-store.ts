import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../errors';
import { ChainVerifier } from '../hashing/chain-verifier';
import { chainHash, genesisHash } from '../hashing/hash-chain';
import type { VerifyReport } from '../hashing/verify-report';
import type { EventStore, ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions, Subscription } from '../port/event-store';
import type { AppendResult, EventInput, ExpectedRevision, StoredEvent } from '../port/event-types';
import type { Snapshot } from '../snapshots/snapshot';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { normaliseExpectedRevision, prepareEvents, validateStreamName, type NormalisedExpectedRevision, type PreparedEvent } from '../validation/validate-append';
import { fromResolvedEvent, mapKurrentError, toKurrentEventData, toKurrentPosition, type ChainLink } from './kurrent-mapping';

const SNAPSHOT_STREAM_PREFIX = 'event-store-snapshot-';
/** Metadata stream holding the store's identity: its first event, written once by whoever asks first. */
const IDENTITY_STREAM = 'event-store-identity';
const MAX_ANY_RETRIES = 5;

interface Head {
  revision: bigint;
  hash: string;
}

/**
 * KurrentDB adapter. The hash chain needs the previous hash, so an append reads the stream head
 * first and then appends expecting exactly that head: a concurrent writer makes it retry ('any',
 * 'stream_exists') or fail with ConcurrencyError (exact revision, 'no_stream').
 */
export class KurrentEventStore implements EventStore {
  private identity: string | undefined;

  constructor(private readonly client: KurrentDBClient) {}

  async append(stream: string, events: readonly EventInput[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    validateStreamName(stream);
    const expected = normaliseExpectedRevision(expectedRevision);
    const prepared = prepareEvents(events);
    for (let attempt = 0; ; attempt++) {
      const head = await this.readHead(stream);
      if (!satisfies(expected, head)) {
        const replayed = await this.replayedResult(stream, expected, prepared);
        if (replayed) return replayed;
        throw new ConcurrencyError(stream, expected, head ? head.revision : 'no_stream');
      }
      try {
        return await this.appendAfter(stream, head, prepared);
      } catch (error) {
        const mapped = mapKurrentError(error, stream, expected, `appending to stream "${stream}"`);
        const retriable = mapped instanceof ConcurrencyError && (expected === 'any' || expected === 'stream_exists');
        if (!retriable || attempt >= MAX_ANY_RETRIES) throw mapped;
      }
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    validateStreamName(stream);
    const backwards = options.direction === 'backwards';
    const fromRevision = options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START;
    try {
      const reading = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
      });
      for await (const resolved of reading) yield fromResolvedEvent(resolved as ResolvedEvent);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw mapKurrentError(error, stream, undefined, `reading stream "${stream}"`);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    let remaining = options.maxCount ?? Infinity;
    try {
      // KurrentDB reads $all from a position inclusively; ours is exclusive, so skip that one event.
      const reading = this.client.readAll({ direction: FORWARDS, fromPosition: options.after ? toKurrentPosition(options.after) : START });
      for await (const resolved of reading) {
        const recorded = resolved.event;
        if (!recorded || recorded.type.startsWith('$') || recorded.streamId.startsWith('$') || recorded.streamId.startsWith(SNAPSHOT_STREAM_PREFIX) || recorded.streamId === IDENTITY_STREAM) continue;
        const event = fromResolvedEvent(resolved as ResolvedEvent);
        if (options.after && event.position.commit === options.after.commit && event.position.prepare === options.after.prepare) continue;
        if (remaining-- <= 0) return;
        yield event;
      }
    } catch (error) {
      throw mapKurrentError(error, '$all', undefined, 'reading all events');
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return startPollingSubscription((readOptions) => this.readAll(readOptions), options);
  }

  async verify(): Promise<VerifyReport> {
    // $all interleaves streams but keeps each stream in revision order, which is all the verifier needs.
    const verifier = new ChainVerifier();
    for await (const event of this.readAll()) verifier.check(event);
    return verifier.report();
  }

  async readSnapshot(stream: string): Promise<Snapshot | undefined> {
    validateStreamName(stream);
    for await (const event of this.readStream(SNAPSHOT_STREAM_PREFIX + stream, { direction: 'backwards', maxCount: 1 })) {
      const body = event.data as { stateSchemaVersion: number; revision: string; state: unknown };
      return { stateSchemaVersion: body.stateSchemaVersion, revision: BigInt(body.revision), state: body.state };
    }
    return undefined;
  }

  async writeSnapshot(stream: string, snapshot: Snapshot): Promise<void> {
    validateStreamName(stream);
    await this.append(
      SNAPSHOT_STREAM_PREFIX + stream,
      [{
        eventId: crypto.randomUUID(),
        type: 'SnapshotTaken',
        schemaVersion: 1,
        data: { stateSchemaVersion: snapshot.stateSchemaVersion, revision: snapshot.revision.toString(), state: snapshot.state },
        metadata: {},
      }],
      'any',
    );
  }

  /**
   * The first event of the identity stream. A new store has none: the first process to ask writes
   * one expecting no stream, and a process that loses that race reads the winner's.
   */
  async storeId(): Promise<string> {
    if (this.identity) return this.identity;
    // Read with the client itself: the identity event carries none of our metadata (no hash chain).
    const read = async (): Promise<string | undefined> => {
      try {
        for await (const resolved of this.client.readStream(IDENTITY_STREAM, { direction: FORWARDS, fromRevision: START, maxCount: 1 })) {
          return (resolved.event?.data as { storeId?: string } | undefined)?.storeId;
        }
        return undefined;
      } catch (error) {
        if (error instanceof StreamNotFoundError) return undefined;
        throw mapKurrentError(error, IDENTITY_STREAM, undefined, 'reading the store identity');
      }
    };
    let storeId = await read();
    if (storeId === undefined) {
      const created = crypto.randomUUID();
      try {
        await this.client.appendToStream(IDENTITY_STREAM, [jsonEvent({ type: 'StoreIdentified', data: { storeId: created } })], { streamState: NO_STREAM });
        storeId = created;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw mapKurrentError(error, IDENTITY_STREAM, 'no_stream', 'writing the store identity');
        storeId = await read();
      }
    }
    if (storeId === undefined) throw new Error(`${IDENTITY_STREAM} is empty although it exists`);
    this.identity = storeId;
    return storeId;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async readHead(stream: string): Promise<Head | undefined> {
    for await (const event of this.readStream(stream, { direction: 'backwards', maxCount: 1 })) {
      return { revision: event.revision, hash: event.hash };
    }
    return undefined;
  }

  private async appendAfter(stream: string, head: Head | undefined, prepared: PreparedEvent[]): Promise<AppendResult> {
    const recordedAtMs = Date.now();
    let prevHash = head ? head.hash : genesisHash(stream);
    const data = prepared.map((event) => {
      const link: ChainLink = { recordedAtMs, prevHash, hash: chainHash(prevHash, recordedAtMs, event.content) };
      prevHash = link.hash;
      return toKurrentEventData(event, link);
    });
    const result = await this.client.appendToStream(stream, data, { streamState: head ? head.revision : 'no_stream' });
    const position = result.position ?? { commit: 0n, prepare: 0n };
    return {
      firstRevision: result.nextExpectedRevision - BigInt(prepared.length) + 1n,
      nextExpectedRevision: result.nextExpectedRevision,
      position: { commit: position.commit, prepare: position.prepare },
    };
  }

  /** An idempotent retry: the same ids already sit right after the expected revision. */
  private async replayedResult(stream: string, expected: NormalisedExpectedRevision, prepared: PreparedEvent[]): Promise<AppendResult | undefined> {
    const first = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : undefined;
    if (first === undefined) return undefined;
    const stored: StoredEvent[] = [];
    for await (const event of this.readStream(stream, { fromRevision: first, maxCount: prepared.length })) stored.push(event);
    const same = stored.length === prepared.length && stored.every((event, index) => event.eventId === prepared[index].eventId);
    if (!same) return undefined;
    const last = stored[stored.length - 1];
    return { firstRevision: first, nextExpectedRevision: last.revision, position: last.position };
  }
}

function satisfies(expected: NormalisedExpectedRevision, head: Head | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return head === undefined;
  if (expected === 'stream_exists') return head !== undefined;
  return head !== undefined && head.revision === expected;
}
