import type { AggregateKind, DomainError, PlanledgerEvent } from '@planledger/domain';
type EngineEvent = PlanledgerEvent;
import { ConcurrencyError, EventIdConflictError, loadState, loadStates, type EventStore, type EventInput, type GlobalPosition, type StoredEvent } from '@planledger/event-store';
import { toDomainEvent, toEventInput } from '../events/event-mapping';
import {
  STATE_SCHEMA_VERSION, deciderOf, type AggregateState, type EngineCommand, isCommandOf, isEventOf, snapshotEveryOf, streamOf,
  type CommandOf, type EventOf, type RefOf, type StateOf,
} from './aggregates';
import { conflictBackoffMs, defaultConflictRetryPolicy, type ConflictRetryPolicy } from './conflict-backoff';
import { eventIdsFor } from './deterministic-id';
import { findEarlierOutcome } from './earlier-outcome';
import { executeOnStream, type EnvelopedEvent, type StreamDecider, type StreamResult } from './stream-decider';

export interface ExecuteOptions {
  /** Same key → same event ids: a retried command (timer, reaction, HTTP retry) never duplicates. */
  idempotencyKey?: string;
  correlationId?: string;
  causationId?: string;
  /**
   * With an idempotency key: when a command with the same key already appended its events,
   * answer with those events and the state right after them (`replayed: true`), whatever the
   * command would decide now. For callers that must give a retried request its first answer.
   */
  replayEarlierOutcome?: boolean;
}

/** What a command did to one aggregate, with that aggregate's own event and state types. */
export type ExecuteResult<K extends AggregateKind = AggregateKind> =
  | { ok: true; stream: string; events: EventOf<K>[]; state: StateOf<K>; position?: GlobalPosition; replayed?: true }
  | { ok: false; stream: string; error: DomainError; state: StateOf<K> };

export interface LoadedAggregate<K extends AggregateKind = AggregateKind> {
  state: StateOf<K>;
  revision: bigint | 'no_stream';
}

/** One command of an `executeMany` batch: a target and a command of the same aggregate. */
export type ExecuteRequest = {
  [K in AggregateKind]: { target: RefOf<K> & { aggregate: K }; command: CommandOf<K>; options?: ExecuteOptions };
}[AggregateKind];

/** Counts what the engine does, for /metrics; all optional. */
export interface CommandObserver {
  commandHandled?(commandType: string, outcome: 'accepted' | 'nothing_to_do' | 'rejected' | 'conflict'): void;
  conflictRetried?(stream: string): void;
}

/** Raised when every retry met a concurrent writer: the caller reports 409. */
export class ConflictPersistsError extends Error {
  constructor(readonly stream: string, readonly attempts: number) {
    super(`stream "${stream}" kept changing under this command (${attempts} attempts); try again`);
  }
}

type DecidedBatchItem =
  | { kind: 'rejected'; error: DomainError; state: AggregateState }
  | { kind: 'nothing'; state: AggregateState }
  | { kind: 'append'; events: EngineEvent[]; inputs: EventInput[]; revision: bigint | 'no_stream'; after: AggregateState };

/** The pure middle of `execute` for one batched command: decide, and the events to append if any. */
function decideOne<K extends AggregateKind>(kind: K, command: EngineCommand, state: StateOf<K>, revision: bigint | 'no_stream', options: ExecuteOptions): DecidedBatchItem {
  if (!isCommandOf(kind, command)) throw new AggregateMismatchError(`${command.type} is not a command of the ${kind} aggregate`);
  const decider = deciderOf(kind);
  const decision = decider.decide(command, state);
  if (!decision.ok) return { kind: 'rejected', error: decision.error, state };
  if (decision.events.length === 0) return { kind: 'nothing', state };
  const ids = eventIdsFor(decision.events.length, options.idempotencyKey);
  const inputs = decision.events.map((event, index) => toEventInput(event, { eventId: ids[index], correlationId: options.correlationId, causationId: options.causationId }));
  return { kind: 'append', events: decision.events, inputs, revision, after: decision.events.reduce(decider.evolve, state) };
}

/** A command given to an aggregate that has no such command, or a stream holding another aggregate's event: a bug, not bad input. */
export class AggregateMismatchError extends Error {
  override readonly name = 'AggregateMismatchError';
}

/**
 * Load (snapshot + events) → decide → append at the expected revision; on a concurrent write,
 * wait (exponential backoff, full jitter), reload and decide again. The only place where commands
 * meet the store. `execute` ties the command to its target's aggregate: a plan target takes plan
 * commands and answers with the plan's state.
 */
export class CommandExecutor {
  private readonly retry: ConflictRetryPolicy;

  constructor(private readonly store: EventStore, private readonly observer: CommandObserver = {}, retry: Partial<ConflictRetryPolicy> = {}) {
    this.retry = { ...defaultConflictRetryPolicy, ...retry };
  }

  async load<K extends AggregateKind>(target: RefOf<K> & { aggregate: K }): Promise<LoadedAggregate<K>> {
    const kind = target.aggregate;
    const stream = streamOf(target);
    const decider = deciderOf(kind);
    const loaded = await loadState(this.store, stream, {
      initialState: decider.initialState(),
      evolve: (state, stored) => decider.evolve(state, this.eventOf(kind, stored)),
      stateSchemaVersion: STATE_SCHEMA_VERSION,
      snapshotEvery: snapshotEveryOf(kind),
    });
    return { state: loaded.state, revision: loaded.revision };
  }

  async execute<K extends AggregateKind>(target: RefOf<K> & { aggregate: K }, command: CommandOf<K>, options: ExecuteOptions = {}): Promise<ExecuteResult<K>> {
    const kind = target.aggregate;
    const stream = streamOf(target);
    if (!isCommandOf(kind, command)) throw new AggregateMismatchError(`${command.type} is not a command of the ${kind} aggregate (stream "${stream}")`);
    const decider = deciderOf(kind);
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load<K>(target);
      const decision = decider.decide(command, state);
      // A retried request meets the state its first attempt made: a refusal or nothing to do now
      // may only mean that the first attempt went through.
      if ((!decision.ok || decision.events.length === 0) && options.replayEarlierOutcome && options.idempotencyKey) {
        const earlier = await findEarlierOutcome(this.store, stream, decider, options.idempotencyKey, (stored) => this.eventOf(kind, stored));
        if (earlier) return { ok: true, stream, ...earlier, replayed: true };
      }
      if (!decision.ok) {
        this.observer.commandHandled?.(command.type, 'rejected');
        return { ok: false, stream, error: decision.error, state };
      }
      if (decision.events.length === 0) {
        this.observer.commandHandled?.(command.type, 'nothing_to_do');
        return { ok: true, stream, events: [], state };
      }
      const ids = eventIdsFor(decision.events.length, options.idempotencyKey);
      const inputs = decision.events.map((event, index) =>
        toEventInput(event, { eventId: ids[index], correlationId: options.correlationId, causationId: options.causationId }),
      );
      try {
        const appended = await this.store.append(stream, inputs, revision);
        this.observer.commandHandled?.(command.type, 'accepted');
        return { ok: true, stream, events: decision.events, state: decision.events.reduce(decider.evolve, state), position: appended.position };
      } catch (error) {
        if (error instanceof EventIdConflictError && error.storedStream === stream && options.replayEarlierOutcome && options.idempotencyKey) {
          const earlier = await findEarlierOutcome(this.store, stream, decider, options.idempotencyKey, (stored) => this.eventOf(kind, stored));
          if (earlier) return { ok: true, stream, ...earlier, replayed: true };
        }
        if (!(error instanceof ConcurrencyError)) throw error;
        this.observer.conflictRetried?.(stream);
        if (attempt >= this.retry.maxAttempts) {
          this.observer.commandHandled?.(command.type, 'conflict');
          throw new ConflictPersistsError(stream, attempt);
        }
        await this.retry.sleep(conflictBackoffMs(attempt, this.retry));
      }
    }
  }

  /**
   * Many commands at once, as if each went through `execute`: one round trip loads every target
   * stream and one INSERT appends every decision when the store reads and writes in batches
   * (BatchedEventStore). A stream met twice, a command wanting its earlier outcome replayed, and a
   * command whose append conflicted go through `execute` on their own (its retries included).
   * One settled result per request, in order: a failure of one never hides the others' outcomes.
   */
  async executeMany(requests: readonly ExecuteRequest[]): Promise<PromiseSettledResult<ExecuteResult>[]> {
    const results: (PromiseSettledResult<ExecuteResult> | undefined)[] = requests.map(() => undefined);
    const alone = (index: number): Promise<ExecuteResult> => {
      const { target, command, options } = requests[index];
      return this.execute(target, command, options);
    };
    const batched: number[] = [];
    const seen = new Set<string>();
    requests.forEach((request, index) => {
      const stream = streamOf(request.target);
      if (!request.options?.replayEarlierOutcome && !seen.has(stream) && isCommandOf(request.target.aggregate, request.command)) {
        seen.add(stream);
        batched.push(index);
      }
    });
    if (batched.length > 1 && this.store.appendMany && this.store.readStreams) {
      try {
        await this.executeBatch(requests, batched, results);
      } catch {
        // A read failed: every command of the batch goes alone, each reporting its own error.
      }
    }
    const rest = await Promise.allSettled(requests.map((_, index) => (results[index] ? undefined : alone(index))));
    return requests.map((_, index) => results[index] ?? (rest[index] as PromiseSettledResult<ExecuteResult>));
  }

  /** Loads, decides and appends the requests at `indexes` (distinct streams); conflicts are left unset for `execute`. */
  private async executeBatch(requests: readonly ExecuteRequest[], indexes: readonly number[], results: (PromiseSettledResult<ExecuteResult> | undefined)[]): Promise<void> {
    const byKind = new Map<AggregateKind, number[]>();
    for (const index of indexes) byKind.set(requests[index].target.aggregate, [...(byKind.get(requests[index].target.aggregate) ?? []), index]);
    const decided: { index: number; stream: string; commandType: string; decide: () => DecidedBatchItem }[] = [];
    for (const [kind, members] of byKind) {
      const streams = members.map((index) => streamOf(requests[index].target));
      const decide = await this.loadForBatch(kind, streams);
      members.forEach((index, i) => {
        const request = requests[index];
        decided.push({ index, stream: streams[i], commandType: request.command.type, decide: () => decide(streams[i], request.command, request.options ?? {}) });
      });
    }
    const appends: { index: number; stream: string; commandType: string; item: Extract<DecidedBatchItem, { kind: 'append' }> }[] = [];
    for (const { index, stream, commandType, decide } of decided) {
      const item = decide();
      if (item.kind === 'rejected') {
        this.observer.commandHandled?.(commandType, 'rejected');
        results[index] = { status: 'fulfilled', value: { ok: false, stream, error: item.error, state: item.state } };
      } else if (item.kind === 'nothing') {
        this.observer.commandHandled?.(commandType, 'nothing_to_do');
        results[index] = { status: 'fulfilled', value: { ok: true, stream, events: [], state: item.state } };
      } else appends.push({ index, stream, commandType, item });
    }
    if (appends.length === 0) return;
    const appended = await this.store.appendMany!(appends.map(({ stream, item }) => ({ stream, events: item.inputs, expectedRevision: item.revision })));
    appends.forEach(({ index, stream, commandType, item }, i) => {
      const outcome = appended[i];
      if (outcome.status === 'fulfilled') {
        this.observer.commandHandled?.(commandType, 'accepted');
        results[index] = { status: 'fulfilled', value: { ok: true, stream, events: item.events, state: item.after, position: outcome.value.position } };
      } else if (!(outcome.reason instanceof ConcurrencyError)) {
        results[index] = { status: 'rejected', reason: outcome.reason };
      }
      // A conflict: left unset, `execute` reloads, decides again and retries with backoff.
    });
  }

  /** Loads one kind's streams together; answers a function deciding a command on one of them. */
  private async loadForBatch<K extends AggregateKind>(kind: K, streams: readonly string[]): Promise<(stream: string, command: EngineCommand, options: ExecuteOptions) => DecidedBatchItem> {
    const decider = deciderOf(kind);
    const loaded = await loadStates(this.store, streams, {
      initialState: decider.initialState(),
      evolve: (state, stored) => decider.evolve(state, this.eventOf(kind, stored)),
      stateSchemaVersion: STATE_SCHEMA_VERSION,
      snapshotEvery: snapshotEveryOf(kind),
    });
    return (stream, command, options) => {
      const { state, revision } = loaded.get(stream)!;
      return decideOne(kind, command, state, revision, options);
    };
  }

  /**
   * A command to a stream outside the plan aggregates (the people directory), with the same load,
   * decide, append at the revision read, and conflict retries with backoff and jitter.
   */
  executeOn<Cmd extends { type: string }, Event extends EnvelopedEvent, State, Refusal>(
    decider: StreamDecider<Cmd, Event, State, Refusal>, command: Cmd, options: Omit<ExecuteOptions, 'replayEarlierOutcome'> = {},
  ): Promise<StreamResult<Event, State, Refusal>> {
    return executeOnStream(this.store, this.retry, this.observer, decider, command, options);
  }

  private eventOf<K extends AggregateKind>(kind: K, stored: StoredEvent): EventOf<K> {
    const event = toDomainEvent(stored);
    if (!isEventOf(kind, event)) throw new AggregateMismatchError(`stream "${stored.stream}" holds ${stored.type} at revision ${stored.revision}, which is not a ${kind} event`);
    return event;
  }
}
