import type { EventStore, SqlExecutor } from '@planledger/event-store';
import { applyNextBatch } from '../runner/apply-batch';
import { PROJECTIONS_CHECKPOINT, resetCheckpoint } from '../runner/checkpoints';
import { countEventsAfter } from '../runner/store-head';
import { START_POSITION } from '@planledger/event-store';

export interface RebuildOptions {
  store: EventStore;
  database: SqlExecutor;
  batchSize?: number;
  /** After each batch: events applied so far, and the events the store held when the rebuild began. */
  onProgress?(done: number, total: number): void;
}

export interface RebuildResult {
  events: number;
  /** Batches lost to a concurrent runner (it applied them instead; the rows are the same). */
  conflicts: number;
}

/** The read models only: timer_firings (operational) and the reactions' checkpoint stay. */
export const REBUILT_TABLES = ['read_plans', 'read_schedule_tallies', 'read_phases', 'read_assignments', 'read_timers', 'read_roster'] as const;

/**
 * Empties the read models and replays the whole store through the same handlers and the same
 * batch transaction as the runner. The checkpoint is reset in the truncating transaction, so a
 * runner still working in another process can only lose its next compare-and-set, never mix
 * old rows with new ones. Both then advance one checkpoint: each batch is applied once.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { store, database, onProgress } = options;
  const batchSize = options.batchSize ?? 500;
  const total = await countEventsAfter(database, store, START_POSITION, Number.MAX_SAFE_INTEGER);
  await database.transaction(async (tx) => {
    // Checkpoint first, as the runner's batches do: the same lock order means no deadlock.
    await resetCheckpoint(tx, PROJECTIONS_CHECKPOINT);
    // Parked events go too: the replay parks again what still fails, then replays the decisions.
    await tx.query(`truncate ${[...REBUILT_TABLES, 'read_parked_events'].join(', ')}`);
  });
  onProgress?.(0, total);
  let done = 0;
  let conflicts = 0;
  for (;;) {
    const outcome = await applyNextBatch(store, database, batchSize);
    if (outcome.kind === 'idle') break;
    if (outcome.kind === 'checkpoint_moved') {
      conflicts++;
      continue;
    }
    done += outcome.events;
    onProgress?.(Math.min(done, Math.max(total, done)), Math.max(total, done));
  }
  return { events: done, conflicts };
}
