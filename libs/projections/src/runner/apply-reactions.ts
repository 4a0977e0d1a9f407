import { compareGlobalPositions, type EventStore, type SqlExecutor, type StoredEvent } from '@planledger/event-store';
import { advanceCheckpoint, PROJECTIONS_CHECKPOINT, REACTIONS_CHECKPOINT, readCheckpoint } from './checkpoints';
import { readBatch } from './apply-batch';

/** Something done in answer to events (the PlanReactor's commands). Must be idempotent: delivery is at-least-once. */
export interface Reaction {
  name: string;
  handle(event: StoredEvent): Promise<unknown>;
}

export type ReactionsOutcome = { kind: 'reacted'; events: number } | { kind: 'idle' } | { kind: 'checkpoint_moved' };

/**
 * Hands the events the read models already hold (never beyond the projections' checkpoint, so a
 * reaction sees rows that include its event) to every reaction, moving the shared `reactions`
 * checkpoint after each event. A reaction that throws stops the batch there; the event comes
 * again on the next round.
 */
export async function applyNextReactions(
  store: EventStore,
  database: SqlExecutor,
  reactions: readonly Reaction[],
  batchSize: number,
  /** Asked before each event: the runner renews its lease here and says whether to go on. */
  mayContinue: () => Promise<boolean>,
): Promise<ReactionsOutcome> {
  let from = await readCheckpoint(database, REACTIONS_CHECKPOINT);
  const projected = await readCheckpoint(database, PROJECTIONS_CHECKPOINT);
  if (compareGlobalPositions(from, projected) >= 0) return { kind: 'idle' };
  const events = (await readBatch(store, from, batchSize)).filter((event) => compareGlobalPositions(event.position, projected) <= 0);
  let handled = 0;
  for (const event of events) {
    if (!(await mayContinue())) break;
    for (const reaction of reactions) await reaction.handle(event);
    if (!(await advanceCheckpoint(database, REACTIONS_CHECKPOINT, from, event.position))) return { kind: 'checkpoint_moved' };
    from = event.position;
    handled++;
  }
  return handled === 0 ? { kind: 'idle' } : { kind: 'reacted', events: handled };
}
