import type { EventStore, GlobalPosition, SqlExecutor, StoredEvent } from '@planledger/event-store';
import { projectEvent } from '../handlers/project-event';
import { advanceCheckpoint, PROJECTIONS_CHECKPOINT, readCheckpoint } from './checkpoints';

export type BatchOutcome =
  | { kind: 'applied'; events: number; to: GlobalPosition }
  | { kind: 'idle' }
  /** Someone else moved the checkpoint since it was read: nothing was written. */
  | { kind: 'checkpoint_moved' };

class CheckpointMovedError extends Error {}

export async function readBatch(store: EventStore, after: GlobalPosition, maxCount: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll({ after, maxCount })) events.push(event);
  return events;
}

/**
 * Reads the events after the read models' checkpoint and applies them in ONE transaction that
 * also moves the checkpoint by compare-and-set. The checkpoint goes first: a runner that lost
 * the race stops before writing rows, and a concurrent rebuild (which resets the checkpoint,
 * then truncates) always locks in the same order, so the two cannot deadlock.
 */
export async function applyNextBatch(store: EventStore, database: SqlExecutor, batchSize: number): Promise<BatchOutcome> {
  const from = await readCheckpoint(database, PROJECTIONS_CHECKPOINT);
  const events = await readBatch(store, from, batchSize);
  if (events.length === 0) return { kind: 'idle' };
  const to = events[events.length - 1].position;
  try {
    await database.transaction(async (tx) => {
      if (!(await advanceCheckpoint(tx, PROJECTIONS_CHECKPOINT, from, to))) throw new CheckpointMovedError();
      for (const event of events) await projectEvent(tx, event);
    });
  } catch (error) {
    if (error instanceof CheckpointMovedError) return { kind: 'checkpoint_moved' };
    throw error;
  }
  return { kind: 'applied', events: events.length, to };
}
