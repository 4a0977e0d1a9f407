import type { Actor } from '@planledger/domain';
import { ConcurrencyError, loadState, type EventStore, type GlobalPosition, type StoredEvent } from '@planledger/event-store';
import { conflictBackoffMs, type ConflictRetryPolicy } from './conflict-backoff';
import { eventIdsFor } from './deterministic-id';
import type { CommandObserver } from './command-executor';

/** The envelope every domain event shares (DomainEventOf): what the store keeps of it. */
export interface EnvelopedEvent {
  type: string;
  schemaVersion: number;
  at: string;
  actor: Actor;
  data: unknown;
}

/**
 * A decider over one stream outside the plan aggregates (the people directory): its own
 * commands, events, state and refusals. The executor loads, decides, appends and retries for it
 * exactly as it does for plans, phases and assignments.
 */
export interface StreamDecider<Cmd extends { type: string }, Event extends EnvelopedEvent, State, Refusal> {
  stream: string;
  initialState: () => State;
  decide: (command: Cmd, state: State) => { ok: true; events: Event[] } | { ok: false; error: Refusal };
  evolve: (state: State, event: Event) => State;
  /** The stored types this decider folds; any other type in its stream is skipped. */
  isEventType: (type: string) => boolean;
  /** Bump when State changes shape: older snapshots are ignored. */
  stateSchemaVersion: number;
  snapshotEvery: number;
}

export type StreamResult<Event, State, Refusal> =
  | { ok: true; stream: string; events: Event[]; state: State; position?: GlobalPosition }
  | { ok: false; stream: string; error: Refusal; state: State };

const toEvent = <Event extends EnvelopedEvent>(stored: StoredEvent): Event =>
  ({
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    at: stored.metadata.businessTime ?? stored.recordedAt.toISOString(),
    actor: (stored.metadata.actor ?? { userId: 'unknown', role: 'system' }) as Actor,
    data: stored.data,
  }) as Event;

export async function executeOnStream<Cmd extends { type: string }, Event extends EnvelopedEvent, State, Refusal>(
  store: EventStore, retry: ConflictRetryPolicy, observer: CommandObserver,
  decider: StreamDecider<Cmd, Event, State, Refusal>, command: Cmd,
  options: { idempotencyKey?: string; correlationId?: string; causationId?: string },
): Promise<StreamResult<Event, State, Refusal>> {
  const { stream } = decider;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadState(store, stream, {
      initialState: decider.initialState(),
      evolve: (current, stored) => (decider.isEventType(stored.type) ? decider.evolve(current, toEvent<Event>(stored)) : current),
      stateSchemaVersion: decider.stateSchemaVersion,
      snapshotEvery: decider.snapshotEvery,
    });
    const decision = decider.decide(command, state);
    if (!decision.ok) {
      observer.commandHandled?.(command.type, 'rejected');
      return { ok: false, stream, error: decision.error, state };
    }
    if (decision.events.length === 0) {
      observer.commandHandled?.(command.type, 'nothing_to_do');
      return { ok: true, stream, events: [], state };
    }
    const ids = eventIdsFor(decision.events.length, options.idempotencyKey);
    const inputs = decision.events.map((event, index) => ({
      eventId: ids[index]!, type: event.type, schemaVersion: event.schemaVersion, data: event.data,
      metadata: {
        actor: event.actor, businessTime: event.at,
        ...(options.correlationId && { correlationId: options.correlationId }),
        ...(options.causationId && { causationId: options.causationId }),
      },
    }));
    try {
      const appended = await store.append(stream, inputs, revision);
      observer.commandHandled?.(command.type, 'accepted');
      return { ok: true, stream, events: decision.events, state: decision.events.reduce(decider.evolve, state), position: appended.position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      observer.conflictRetried?.(stream);
      if (attempt >= retry.maxAttempts) {
        observer.commandHandled?.(command.type, 'conflict');
        throw error;
      }
      await retry.sleep(conflictBackoffMs(attempt, retry));
    }
  }
}
