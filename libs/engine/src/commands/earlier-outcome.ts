import type { EventStore, GlobalPosition, StoredEvent } from '@planledger/event-store';
import { deterministicEventId } from './deterministic-id';

export interface EarlierOutcome<Event, State> {
  events: Event[];
  /** The aggregate's state right after those events: what the first answer was built from. */
  state: State;
  position: GlobalPosition;
}

interface Folding<Event, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

/**
 * What a command sent with this idempotency key appended the first time (its events carry the
 * ids `eventIdsFor` derives from the key), with the state right after them; undefined when no
 * such command ran. Reads the stream from its start: one plan's or one assignment's stream is
 * short, and this runs only when a keyed command is sent again.
 */
export async function findEarlierOutcome<Event, State>(
  store: EventStore, stream: string, decider: Folding<Event, State>, idempotencyKey: string, eventOf: (stored: StoredEvent) => Event,
): Promise<EarlierOutcome<Event, State> | undefined> {
  let state = decider.initialState();
  const events: Event[] = [];
  let position: GlobalPosition | undefined;
  for await (const stored of store.readStream(stream)) {
    const isNext = stored.eventId === deterministicEventId(`${idempotencyKey}#${events.length}`);
    if (events.length > 0 && !isNext) break;
    const event = eventOf(stored);
    state = decider.evolve(state, event);
    if (isNext) {
      events.push(event);
      position = stored.position;
    }
  }
  return position ? { events, state, position } : undefined;
}
