import type { AggregateKind, DomainError } from '@planledger/domain';
import { ConcurrencyError, EventIdConflictError, loadState, type EventStore, type GlobalPosition, type StoredEvent } from '@planledger/event-store';
import { toDomainEvent, toEventInput } from '../events/event-mapping';
import {
  STATE_SCHEMA_VERSION, deciderOf, isCommandOf, isEventOf, snapshotEveryOf, streamOf,
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
