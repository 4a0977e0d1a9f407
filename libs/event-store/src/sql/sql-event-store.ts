import { ConcurrencyError, EventIdConflictError } from '../errors';
import { ChainVerifier } from '../hashing/chain-verifier';
import type { VerifyReport } from '../hashing/verify-report';
import type {
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
import { appendParameters } from './append-parameters';
import { appendRowSchema, snapshotRowSchema, toStoredEvent } from './event-row';
import { mapUnavailable, sqlErrorCode, sqlErrorDetail } from './map-sql-error';
import type { SqlExecutor } from './sql-executor';
import * as sql from './statements';

const READ_PAGE_SIZE = 5_000;
const UNIQUE_VIOLATION = '23505';

/** The PostgreSQL and PGlite adapter: one schema, one set of statements, any SqlExecutor. */
export class SqlEventStore implements EventStore {
  constructor(private readonly executor: SqlExecutor) {}

  async append(stream: string, events: readonly EventInput[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    validateStreamName(stream);
    const expected = normaliseExpectedRevision(expectedRevision);
    const prepared = prepareEvents(events);
    try {
      const rows = await this.executor.query(sql.APPEND, appendParameters(stream, expected, prepared));
      const row = appendRowSchema.parse(rows[0]);
      return {
        firstRevision: row.first_revision,
        nextExpectedRevision: row.last_revision,
        position: { commit: row.last_transaction_id, prepare: row.last_position },
      };
    } catch (error) {
      throw await this.mapAppendError(error, stream, expected, prepared);
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    validateStreamName(stream);
    const backwards = options.direction === 'backwards';
    let next = options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(remaining, READ_PAGE_SIZE);
      const rows = await this.query(backwards ? sql.READ_STREAM_BACKWARDS : sql.READ_STREAM_FORWARDS, [stream, next.toString(), limit], 'reading a stream');
      for (const row of rows) yield toStoredEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      const last = toStoredEvent(rows[rows.length - 1]);
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

  async close(): Promise<void> {
    await this.executor.close();
  }

  private async query(text: string, params: readonly unknown[], doing: string): Promise<Record<string, unknown>[]> {
    try {
      return await this.executor.query(text, params);
    } catch (error) {
      throw mapUnavailable(error, doing);
    }
  }

  private async mapAppendError(error: unknown, stream: string, expected: NormalisedExpectedRevision, prepared: PreparedEvent[]): Promise<unknown> {
    const code = sqlErrorCode(error);
    const detail = sqlErrorDetail(error);
    if (code === 'ESC01') {
      const actual = BigInt(String(detail.actual));
      return new ConcurrencyError(stream, expected, actual < 0n ? 'no_stream' : actual);
    }
    if (code === 'ESC02') {
      const index = Number(detail.index);
      return new EventIdConflictError(prepared[index].eventId, `events[${index}].eventId`, String(detail.stream), BigInt(String(detail.revision)));
    }
    if (code === UNIQUE_VIOLATION && String((error as { constraint?: unknown }).constraint).includes('event_id')) {
      // A concurrent append stored one of these ids in another stream first.
      return this.eventIdConflict(prepared).catch(() => error);
    }
    return mapUnavailable(error, `appending to stream "${stream}"`);
  }

  private async eventIdConflict(prepared: PreparedEvent[]): Promise<unknown> {
    for (const [index, event] of prepared.entries()) {
      const rows = await this.executor.query<{ stream: string; revision: string }>(sql.EVENT_BY_ID, [event.eventId]);
      if (rows[0]) return new EventIdConflictError(event.eventId, `events[${index}].eventId`, rows[0].stream, BigInt(rows[0].revision));
    }
    return new Error('unique violation on event_id, but no stored id found');
  }
}
