import { StoreUnavailableError } from '../errors';
import { ChainVerifier } from '../hashing/chain-verifier';
import type { VerifyReport } from '../hashing/verify-report';
import type {
  AppendRequest,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  Subscription,
} from '../port/event-store';
import type { AppendResult, EventInput, ExpectedRevision, StoredEvent } from '../port/event-types';
import { START_POSITION } from '../port/global-position';
import type { Snapshot } from '../snapshots/snapshot';
import { startPollingSubscription } from '../subscription/polling-subscription';
import {
  normaliseExpectedRevision,
  prepareEvents,
  validateStreamName,
  type NormalisedExpectedRevision,
  type PreparedEvent,
} from '../validation/validate-append';
import { appendManyStatement, appendStatement, type StreamAppend, type StreamHead } from './append-statement';
import { StreamHeadCache } from './stream-head-cache';
import { headRowSchema, insertedRowSchema, snapshotRowSchema, storedIdRowSchema, toStoredEvent } from './event-row';
import { diagnoseFailedAppend, type StoredId } from './diagnose-append';
import { mapUnavailable, sqlErrorCode } from './map-sql-error';
import type { SqlExecutor } from './sql-executor';
import * as sql from './statements';

const READ_PAGE_SIZE = 5_000;
/** Every fixed statement is prepared once per connection under its name in statements.ts. */
const statementNames = new Map(Object.entries(sql).map(([name, text]) => [text, `event_store_${name.toLowerCase()}`]));
const UNIQUE_VIOLATION = '23505';
/** 'any' appends retry when a concurrent writer took their revision; this bounds the loop. */
const MAX_APPEND_ATTEMPTS = 20;
/**
 * An append whose connection died is sent again: safe, because appends are idempotent by event id
 * (if the lost one had committed, the retry finds its events and answers as a replay).
 */
const MAX_UNAVAILABLE_RETRIES = 3;

/**
 * The PostgreSQL and PGlite adapter: one schema, one set of statements, any SqlExecutor.
 * An append is one multi-row INSERT (one round trip, one commit) when the stream head is known.
 */
export class SqlEventStore implements EventStore {
  private readonly heads = new StreamHeadCache();
  private identity: string | undefined;

  constructor(private readonly executor: SqlExecutor) {}

  /** The database under the store: read models live beside the events, in the same transactions. */
  get database(): SqlExecutor {
    return this.executor;
  }

  async append(stream: string, events: readonly EventInput[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    validateStreamName(stream);
    const expected = normaliseExpectedRevision(expectedRevision);
    const prepared = prepareEvents(events);
    let unavailableRetries = 0;
    for (let attempt = 1; ; attempt++) {
      const head = await this.headToAppendAfter(stream, expected);
      if (head !== 'unsatisfied') {
        try {
          return await this.insert(stream, head, prepared);
        } catch (error) {
          const mapped = mapUnavailable(error, `appending to stream "${stream}"`);
          if (mapped instanceof StoreUnavailableError && unavailableRetries < MAX_UNAVAILABLE_RETRIES) {
            unavailableRetries++;
            this.heads.forget(stream);
            await new Promise((resolve) => setTimeout(resolve, 50 * unavailableRetries));
            continue;
          }
          if (sqlErrorCode(error) !== UNIQUE_VIOLATION) throw mapped;
        }
      }
      this.heads.forget(stream);
      const diagnosis = diagnoseFailedAppend({ stream, expected, events: prepared, ...(await this.factsAfterFailure(stream, prepared)) });
      if (diagnosis.kind === 'replayed') return diagnosis.result;
      if (diagnosis.kind === 'failed') throw diagnosis.error;
      if (attempt >= MAX_APPEND_ATTEMPTS) throw new StoreUnavailableError(`stream "${stream}" stayed contended for ${attempt} attempts`);
      // Random, growing back-off: two writers that keep colliding on one stream drift apart.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));
    }
  }

  /**
   * Several streams in one INSERT when each one's head is known without asking (a new stream, or
   * the cached head is the expected one) and no stream comes twice; the rest, and all of them if
   * the shared statement fails, go through `append` one by one, which diagnoses each on its own.
   */
  async appendMany(requests: readonly AppendRequest[]): Promise<PromiseSettledResult<AppendResult>[]> {
    const results: (PromiseSettledResult<AppendResult> | undefined)[] = requests.map(() => undefined);
    const together: { index: number; append: StreamAppend }[] = [];
    const seen = new Set<string>();
    requests.forEach((request, index) => {
      try {
        validateStreamName(request.stream);
        const expected = normaliseExpectedRevision(request.expectedRevision);
        const events = prepareEvents(request.events);
        const cached = this.heads.get(request.stream);
        const head = expected === 'no_stream' ? undefined : cached && cached.revision === expected ? cached : 'unknown';
        if (head === 'unknown' || seen.has(request.stream) || events.length === 0) return;
        seen.add(request.stream);
        together.push({ index, append: { stream: request.stream, head, events } });
      } catch (error) {
        results[index] = { status: 'rejected', reason: error };
      }
    });
    if (together.length > 1) {
      const statement = appendManyStatement(together.map((t) => t.append), new Date());
      const rows = await this.executor.query(statement.text, statement.params).catch(() => undefined);
      if (rows) {
        const last = new Map<string, { transaction_id: bigint; position: bigint }>();
        for (const row of rows) {
          const inserted = insertedRowSchema.parse(row);
          const stream = String(row.stream);
          const known = last.get(stream);
          if (!known || inserted.position > known.position) last.set(stream, inserted);
        }
        together.forEach(({ index, append }, i) => {
          const head = statement.newHeads[i];
          this.heads.remember(append.stream, head);
          const inserted = last.get(append.stream)!;
          results[index] = {
            status: 'fulfilled',
            value: { firstRevision: head.revision - BigInt(append.events.length) + 1n, nextExpectedRevision: head.revision, position: { commit: inserted.transaction_id, prepare: inserted.position } },
          };
        });
      }
    }
    // One by one, in order, for the rest (and for a shared statement that failed).
    const single = await Promise.allSettled(
      requests.map((request, index) => (results[index] ? undefined : this.append(request.stream, request.events, request.expectedRevision))),
    );
    return requests.map((_, index) => results[index] ?? (single[index] as PromiseSettledResult<AppendResult>));
  }

  async readSnapshots(streams: readonly string[]): Promise<Map<string, Snapshot>> {
    streams.forEach((stream) => validateStreamName(stream));
    const snapshots = new Map<string, Snapshot>();
    if (streams.length === 0) return snapshots;
    const rows = await this.query(sql.READ_SNAPSHOTS, [streams], 'reading snapshots');
    for (const raw of rows) {
      const row = snapshotRowSchema.parse(raw);
      snapshots.set(row.stream, { stateSchemaVersion: row.state_schema_version, revision: row.revision, state: row.state });
    }
    return snapshots;
  }

  async readStreams(requests: readonly { stream: string; fromRevision: bigint }[]): Promise<Map<string, StoredEvent[]>> {
    requests.forEach((request) => validateStreamName(request.stream));
    const events = new Map<string, StoredEvent[]>(requests.map((request) => [request.stream, []]));
    if (requests.length === 0) return events;
    const rows = await this.query(sql.READ_STREAMS_FROM, [requests.map((r) => r.stream), requests.map((r) => r.fromRevision.toString())], 'reading streams');
    for (const row of rows) {
      const event = toStoredEvent(row);
      this.heads.remember(event.stream, event);
      events.get(event.stream)!.push(event);
    }
    return events;
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    validateStreamName(stream);
    const backwards = options.direction === 'backwards';
    let next = options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(remaining, READ_PAGE_SIZE);
      const rows = await this.query(backwards ? sql.READ_STREAM_BACKWARDS : sql.READ_STREAM_FORWARDS, [stream, next.toString(), limit], 'reading a stream');
      let last: StoredEvent | undefined;
      for (const row of rows) {
        last = toStoredEvent(row);
        this.heads.remember(stream, last);
        yield last;
      }
      if (!last || rows.length < limit) return;
      remaining -= rows.length;
      next = backwards ? last.revision - 1n : last.revision + 1n;
      if (next < 0n) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    let after = options.after ?? START_POSITION;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(remaining, READ_PAGE_SIZE);
      const rows = await this.query(sql.READ_ALL_AFTER, [after.commit.toString(), after.prepare.toString(), limit], 'reading all events');
      let last: StoredEvent | undefined;
      for (const row of rows) {
        last = toStoredEvent(row);
        yield last;
      }
      if (!last || rows.length < limit) return;
      remaining -= rows.length;
      after = last.position;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return startPollingSubscription((readOptions) => this.readAll(readOptions), options);
  }

  async verify(): Promise<VerifyReport> {
    const verifier = new ChainVerifier();
    let after: [string, string] = ['', '-1'];
    for (;;) {
      const rows = await this.query(sql.READ_BY_STREAM_AFTER, [...after, READ_PAGE_SIZE], 'verifying');
      for (const row of rows) verifier.check(toStoredEvent(row));
      if (rows.length < READ_PAGE_SIZE) return verifier.report();
      const last = toStoredEvent(rows[rows.length - 1]);
      after = [last.stream, last.revision.toString()];
    }
  }

  async readSnapshot(stream: string): Promise<Snapshot | undefined> {
    validateStreamName(stream);
    const rows = await this.query(sql.READ_SNAPSHOT, [stream], 'reading a snapshot');
    if (rows.length === 0) return undefined;
    const row = snapshotRowSchema.parse(rows[0]);
    return { stateSchemaVersion: row.state_schema_version, revision: row.revision, state: row.state };
  }

  async writeSnapshot(stream: string, snapshot: Snapshot): Promise<void> {
    validateStreamName(stream);
    const stateJson = JSON.stringify(snapshot.state);
    await this.query(sql.WRITE_SNAPSHOT, [stream, snapshot.stateSchemaVersion, snapshot.revision.toString(), stateJson], 'writing a snapshot');
  }

  async storeId(): Promise<string> {
    if (this.identity) return this.identity;
    const rows = await this.query(sql.STORE_ID, [], 'reading the store identity');
    const storeId = rows[0]?.store_id;
    if (typeof storeId !== 'string') throw new StoreUnavailableError('event_store_identity has no row: the store was not migrated');
    this.identity = storeId;
    return storeId;
  }

  async close(): Promise<void> {
    await this.executor.close();
  }

  private async query(text: string, params: readonly unknown[], doing: string): Promise<Record<string, unknown>[]> {
    try {
      return await this.executor.query(text, params, statementNames.get(text));
    } catch (error) {
      throw mapUnavailable(error, doing);
    }
  }

  /**
   * The head to chain onto, or 'unsatisfied' when the store certainly does not match the
   * expectation. Uses the cached head when it is exactly the expected one, saving a round trip.
   */
  private async headToAppendAfter(stream: string, expected: NormalisedExpectedRevision): Promise<StreamHead | undefined | 'unsatisfied'> {
    if (expected === 'no_stream') return undefined;
    const cached = this.heads.get(stream);
    if (cached && (expected === 'any' || expected === 'stream_exists' || cached.revision === expected)) return cached;
    const head = await this.readHead(stream);
    if (expected === 'any') return head;
    if (expected === 'stream_exists') return head ?? 'unsatisfied';
    return head && head.revision === expected ? head : 'unsatisfied';
  }

  private async insert(stream: string, head: StreamHead | undefined, prepared: readonly PreparedEvent[]): Promise<AppendResult> {
    const statement = appendStatement(stream, head, prepared, new Date());
    const rows = await this.executor.query(statement.text, statement.params, statement.statementName);
    // The batch's last event has the highest position; only that row is needed.
    const inserted = insertedRowSchema.parse(rows.reduce((a, b) => (BigInt(String(a.position)) > BigInt(String(b.position)) ? a : b)));
    this.heads.remember(stream, statement.newHead);
    return {
      firstRevision: statement.newHead.revision - BigInt(prepared.length) + 1n,
      nextExpectedRevision: statement.newHead.revision,
      position: { commit: inserted.transaction_id, prepare: inserted.position },
    };
  }

  private async readHead(stream: string): Promise<StreamHead | undefined> {
    const rows = await this.query(sql.STREAM_HEAD, [stream], `reading the head of stream "${stream}"`);
    if (rows.length === 0) return undefined;
    const head = headRowSchema.parse(rows[0]);
    this.heads.remember(stream, head);
    return head;
  }

  private async factsAfterFailure(stream: string, prepared: readonly PreparedEvent[]): Promise<{ storedIds: StoredId[]; head: bigint | 'no_stream' }> {
    const ids = JSON.stringify(prepared.map((event) => event.eventId));
    const stored = await this.query(sql.EVENTS_BY_ID, [ids], `appending to stream "${stream}"`);
    const head = await this.readHead(stream);
    return { storedIds: stored.map((row) => storedIdRowSchema.parse(row)), head: head ? head.revision : 'no_stream' };
  }
}
