import type { AggregateRef, DomainError, PlanledgerEvent } from '@planledger/domain';
import { ConcurrencyError, EventIdConflictError, loadState, type EventStore, type GlobalPosition } from '@planledger/event-store';
import { toDomainEvent, toEventInput } from '../events/event-mapping';
import { STATE_SCHEMA_VERSION, deciderOf, snapshotEveryOf, streamOf, type EngineCommand } from './aggregates';
import { eventIdsFor } from './deterministic-id';
import { findEarlierOutcome } from './earlier-outcome';

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

export type ExecuteResult =
  | { ok: true; stream: string; events: PlanledgerEvent[]; state: unknown; position?: GlobalPosition; replayed?: true }
  | { ok: false; stream: string; error: DomainError; state: unknown };

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

const MAX_ATTEMPTS = 5;

/**
 * Load (snapshot + events) → decide → append at the expected revision; on a concurrent write,
 * reload and decide again. The only place where commands meet the store.
 */
export class CommandExecutor {
  constructor(private readonly store: EventStore, private readonly observer: CommandObserver = {}) {}

  async load(target: AggregateRef): Promise<{ state: unknown; revision: bigint | 'no_stream' }> {
    const decider = deciderOf(target);
    const loaded = await loadState(this.store, streamOf(target), {
      initialState: decider.initialState(),
      evolve: (state, stored) => decider.evolve(state, toDomainEvent(stored)),
      stateSchemaVersion: STATE_SCHEMA_VERSION,
      snapshotEvery: snapshotEveryOf(target),
    });
    return { state: loaded.state, revision: loaded.revision };
  }

  async execute(target: AggregateRef, command: EngineCommand, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    const stream = streamOf(target);
    const decider = deciderOf(target);
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(target);
      const decision = decider.decide(command, state);
      // A retried request meets the state its first attempt made: a refusal or nothing to do now
      // may only mean that the first attempt went through.
      if ((!decision.ok || decision.events.length === 0) && options.replayEarlierOutcome && options.idempotencyKey) {
        const earlier = await findEarlierOutcome(this.store, stream, decider, options.idempotencyKey);
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
          const earlier = await findEarlierOutcome(this.store, stream, decider, options.idempotencyKey);
          if (earlier) return { ok: true, stream, ...earlier, replayed: true };
        }
        if (!(error instanceof ConcurrencyError)) throw error;
        this.observer.conflictRetried?.(stream);
        if (attempt >= MAX_ATTEMPTS) {
          this.observer.commandHandled?.(command.type, 'conflict');
          throw new ConflictPersistsError(stream, attempt);
        }
      }
    }
  }
}
