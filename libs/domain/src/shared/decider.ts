import type { Actor } from './actor';
import type { Instant } from './time';
import type { DomainError } from './domain-error';

/** Who issues a command and at which business time: the clock always arrives from outside. */
export interface CommandMetadata {
  actor: Actor;
  at: Instant;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/**
 * Every domain event: a stable `type` (what is stored; never renamed), a schema version
 * (bumped with an upcaster when the data shape changes), business time and actor.
 */
export interface DomainEventOf<Type extends string, Data, Version extends number = 1> {
  type: Type;
  schemaVersion: Version;
  at: Instant;
  actor: Actor;
  data: Data;
}

export type Decision<Event> = { ok: true; events: Event[] } | { ok: false; error: DomainError };

export interface Decider<Cmd, Event, State> {
  initialState: () => State;
  decide: (command: Cmd, state: State) => Decision<Event>;
  evolve: (state: State, event: Event) => State;
}

export const accept = <Event>(...events: Event[]): Decision<Event> => ({ ok: true, events });
/** A timer whose moment has passed by: nothing to do, and that is not an error. */
export const nothingToDo = <Event>(): Decision<Event> => ({ ok: true, events: [] });
export const reject = <Event>(error: DomainError): Decision<Event> => ({ ok: false, error });

export const fold = <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: readonly Event[], from?: State): State =>
  events.reduce(decider.evolve, from ?? decider.initialState());
