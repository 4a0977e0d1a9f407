import type { EventStore, GlobalPosition, SqlExecutor, SqlQueryable, StoredEvent } from '@planledger/event-store';
import { projectEvent } from '../handlers/project-event';
import { markDecided, parkEvent } from '../parking/parked-events';
import { isParkingDecision, PROJECTION_EVENT_SKIPPED, type ParkingDecisionData } from '../parking/parking-decisions';
import { advanceCheckpoint, PROJECTIONS_CHECKPOINT, readCheckpoint } from './checkpoints';

/** An event the read models could not apply (parked), or a parked event whose retry failed again. */
export interface ParkedFailure {
  projection: string;
  event: StoredEvent;
  error: unknown;
}

export type BatchOutcome =
  | { kind: 'applied'; events: number; to: GlobalPosition; parked: ParkedFailure[] }
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
 *
 * When the batch fails for another reason, it is applied again with a savepoint around every
 * event: an event that fails on its own is parked (read_parked_events) and the others apply. A
 * failure of the database itself fails the whole second transaction too, parks nothing, and the
 * runner retries the batch later.
 */
export async function applyNextBatch(store: EventStore, database: SqlExecutor, batchSize: number): Promise<BatchOutcome> {
  const from = await readCheckpoint(database, PROJECTIONS_CHECKPOINT);
  const events = await readBatch(store, from, batchSize);
  if (events.length === 0) return { kind: 'idle' };
  const to = events[events.length - 1].position;
  // Read before the transaction: on PGlite the store shares the one connection the transaction holds.
  const retried = await parkedEventsToRetry(store, events);
  try {
    const parked: ParkedFailure[] = [];
    await database.transaction(async (tx) => {
      if (!(await advanceCheckpoint(tx, PROJECTIONS_CHECKPOINT, from, to))) throw new CheckpointMovedError();
      for (const event of events) await applyEvent(tx, event, retried, parked);
    });
    return { kind: 'applied', events: events.length, to, parked };
  } catch (error) {
    if (error instanceof CheckpointMovedError) return { kind: 'checkpoint_moved' };
  }
  try {
    const parked: ParkedFailure[] = [];
    await database.transaction(async (tx) => {
      if (!(await advanceCheckpoint(tx, PROJECTIONS_CHECKPOINT, from, to))) throw new CheckpointMovedError();
      for (const event of events) {
        await tx.query('savepoint projection_event');
        try {
          await applyEvent(tx, event, retried, parked);
          await tx.query('release savepoint projection_event');
        } catch (error) {
          await tx.query('rollback to savepoint projection_event');
          await parkEvent(tx, PROJECTIONS_CHECKPOINT, event, error);
          parked.push({ projection: PROJECTIONS_CHECKPOINT, event, error });
        }
      }
    });
    return { kind: 'applied', events: events.length, to, parked };
  } catch (error) {
    if (error instanceof CheckpointMovedError) return { kind: 'checkpoint_moved' };
    throw error;
  }
}

async function applyEvent(tx: SqlQueryable, event: StoredEvent, retried: Map<string, StoredEvent>, parked: ParkedFailure[]): Promise<void> {
  if (isParkingDecision(event)) await applyDecision(tx, event, retried, parked);
  else await projectEvent(tx, event);
}

const decisionKey = (data: ParkingDecisionData): string => `${data.stream}@${data.revision}`;

/** The stored events that retry decisions in this batch name, read from their streams. */
async function parkedEventsToRetry(store: EventStore, events: readonly StoredEvent[]): Promise<Map<string, StoredEvent>> {
  const targets = new Map<string, StoredEvent>();
  for (const event of events) {
    if (!isParkingDecision(event) || event.type === PROJECTION_EVENT_SKIPPED || event.data.projection !== PROJECTIONS_CHECKPOINT) continue;
    for await (const target of store.readStream(event.data.stream, { fromRevision: BigInt(event.data.revision), maxCount: 1 })) {
      targets.set(decisionKey(event.data), target);
    }
  }
  return targets;
}

/**
 * An operator's decision (recorded in the store): skip leaves the read models without the event;
 * retry applies it now (after a fixed handler was deployed), and parks it again if it still fails.
 * A decision about an event that is not parked (any more) changes nothing: after a rebuild with a
 * fixed handler, the event applied in its place.
 */
async function applyDecision(tx: SqlQueryable, decision: StoredEvent<ParkingDecisionData>, retried: Map<string, StoredEvent>, parked: ParkedFailure[]): Promise<void> {
  const { projection, position } = decision.data;
  if (projection !== PROJECTIONS_CHECKPOINT) return;
  const [row] = await tx.query<{ status: string }>('select status from read_parked_events where projection = $1 and position = $2', [projection, position]);
  if (row?.status !== 'parked') return;
  const decidedBy = decision.metadata?.actor?.userId ?? 'unknown';
  const target = retried.get(decisionKey(decision.data));
  if (decision.type === PROJECTION_EVENT_SKIPPED) {
    await markDecided(tx, projection, position, 'skipped', decidedBy);
    return;
  }
  // The store is append-only, so the event is there; should it not be, the event stays parked.
  if (!target) return;
  await tx.query('savepoint parked_event_retry');
  try {
    await projectEvent(tx, target);
    await tx.query('release savepoint parked_event_retry');
    await markDecided(tx, projection, position, 'retried', decidedBy);
  } catch (error) {
    await tx.query('rollback to savepoint parked_event_retry');
    await parkEvent(tx, projection, target, error);
    parked.push({ projection, event: target, error });
  }
}
