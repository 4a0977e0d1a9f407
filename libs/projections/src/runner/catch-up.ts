import { compareGlobalPositions, formatGlobalPosition, START_POSITION, type EventStore, type GlobalPosition, type SqlQueryable } from '@planledger/event-store';
import { PROJECTIONS_CHECKPOINT, readCheckpoint } from './checkpoints';
import { storeHead } from './store-head';

export interface CatchUpOptions {
  timeoutMs: number;
  /** How often to look at the checkpoints (default 20 ms). */
  pollMs?: number;
  /** Which checkpoints must pass; default every row of read_checkpoints, and always `projections`. */
  checkpoints?: readonly string[];
}

export class CatchUpTimeoutError extends Error {
  constructor(readonly target: GlobalPosition, readonly behind: { name: string; position: string }[], timeoutMs: number) {
    super(`projections did not reach ${formatGlobalPosition(target)} within ${timeoutMs} ms: ${behind.map((b) => `${b.name} at ${b.position}`).join(', ')}`);
  }
}

async function positionsOf(db: SqlQueryable, names: readonly string[] | undefined): Promise<{ name: string; position: GlobalPosition }[]> {
  const rows = await db.query<{ name: string; commit_position: string; prepare_position: string }>(
    'select name, commit_position, prepare_position from read_checkpoints',
  );
  const wanted = names ?? [...new Set([PROJECTIONS_CHECKPOINT, ...rows.map((row) => row.name)])];
  return wanted.map((name) => {
    const row = rows.find((r) => r.name === name);
    return { name, position: row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : START_POSITION };
  });
}

/**
 * Resolves once every checkpoint has reached `target` (inclusive). Works from any process: it
 * only reads read_checkpoints. Throws CatchUpTimeoutError after `timeoutMs`.
 */
export async function caughtUpTo(database: SqlQueryable, target: GlobalPosition, options: CatchUpOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const behind = (await positionsOf(database, options.checkpoints)).filter((c) => compareGlobalPositions(c.position, target) < 0);
    if (behind.length === 0) return;
    if (Date.now() >= deadline) {
      throw new CatchUpTimeoutError(target, behind.map((b) => ({ name: b.name, position: formatGlobalPosition(b.position) })), options.timeoutMs);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
  }
}

/** Resolves once every checkpoint has reached the last event committed before the call. */
export async function waitUntilCaughtUp(database: SqlQueryable, store: EventStore, options: CatchUpOptions): Promise<void> {
  const head = await storeHead(database, store, await readCheckpoint(database, PROJECTIONS_CHECKPOINT));
  if (head) await caughtUpTo(database, head, options);
}
