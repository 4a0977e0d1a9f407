import type { PlanledgerEvent } from '@planledger/domain';
import type { EventStore, GlobalPosition } from '@planledger/event-store';
import { toDomainEvent } from '../events/event-mapping';
import { deterministicEventId } from './deterministic-id';

export interface EarlierOutcome {
  events: PlanledgerEvent[];
  /** The aggregate's state right after those events: what the first answer was built from. */
  state: unknown;
  position: GlobalPosition;
}

interface Folding {
  initialState(): unknown;
  evolve(state: unknown, event: PlanledgerEvent): unknown;
}

/**
 * What a command sent with this idempotency key appended the first time (its events carry the
 * ids `eventIdsFor` derives from the key), with the state right after them; undefined when no
 * such command ran. Reads the stream from its start: one plan's or one assignment's stream is
 * short, and this runs only when a keyed command is sent again.
 */
export async function findEarlierOutcome(store: EventStore, stream: string, decider: Folding, idempotencyKey: string): Promise<EarlierOutcome | undefined> {
  let state = decider.initialState();
  const events: PlanledgerEvent[] = [];
  let position: GlobalPosition | undefined;
  for await (const stored of store.readStream(stream)) {
    const isNext = stored.eventId === deterministicEventId(`${idempotencyKey}#${events.length}`);
    if (events.length > 0 && !isNext) break;
    const event = toDomainEvent(stored);
    state = decider.evolve(state, event);
    if (isNext) {
      events.push(event);
      position = stored.position;
    }
  }
  return position ? { events, state, position } : undefined;
}
