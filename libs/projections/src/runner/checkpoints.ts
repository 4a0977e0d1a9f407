import { compareGlobalPositions, formatGlobalPosition, START_POSITION, type GlobalPosition, type SqlQueryable } from '@planledger/event-store';
import { iso } from '../sql/iso';

/** The read models' checkpoint: rebuilt from zero by `rebuildReadModels`. */
export const PROJECTIONS_CHECKPOINT = 'projections';
/** The reactions' checkpoint: never rewound by a rebuild (their commands are already in the store). */
export const REACTIONS_CHECKPOINT = 'reactions';

export interface CheckpointView {
  name: string;
  /** "commit:prepare", as `formatGlobalPosition` writes it. */
  position: string;
  updatedAt: string;
}

/** Creates the checkpoint at the start of the store unless it exists. */
export async function ensureCheckpoint(db: SqlQueryable, name: string): Promise<void> {
  await db.query(
    `insert into read_checkpoints (name, commit_position, prepare_position, updated_at) values ($1, '0', '0', now())
     on conflict (name) do nothing`,
    [name],
  );
}

export async function readCheckpoint(db: SqlQueryable, name: string): Promise<GlobalPosition> {
  const [row] = await db.query<{ commit_position: string; prepare_position: string }>(
    'select commit_position, prepare_position from read_checkpoints where name = $1',
    [name],
  );
  return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : START_POSITION;
}

/**
 * Compare-and-set: moves the checkpoint only if it still stands at `from`. False means another
 * runner (or a rebuild) moved it since it was read: the caller must roll back its batch.
 */
export async function advanceCheckpoint(tx: SqlQueryable, name: string, from: GlobalPosition, to: GlobalPosition): Promise<boolean> {
  const rows = await tx.query(
    `update read_checkpoints set commit_position = $2, prepare_position = $3, updated_at = now()
     where name = $1 and commit_position = $4 and prepare_position = $5 returning name`,
    [name, to.commit.toString(), to.prepare.toString(), from.commit.toString(), from.prepare.toString()],
  );
  return rows.length === 1;
}

/** Puts a checkpoint back to the start of the store (or creates it there). */
export async function resetCheckpoint(tx: SqlQueryable, name: string): Promise<void> {
  await tx.query(
    `insert into read_checkpoints (name, commit_position, prepare_position, updated_at) values ($1, '0', '0', now())
     on conflict (name) do update set commit_position = '0', prepare_position = '0', updated_at = now()`,
    [name],
  );
}

export async function listCheckpoints(db: SqlQueryable): Promise<CheckpointView[]> {
  const rows = await db.query<{ name: string; commit_position: string; prepare_position: string; updated_at: string }>(
    `select name, commit_position, prepare_position, ${iso('updated_at')} from read_checkpoints order by name`,
  );
  return rows.map((row) => ({
    name: row.name,
    position: formatGlobalPosition({ commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) }),
    updatedAt: row.updated_at,
  }));
}

export const isAtOrAfter = (position: GlobalPosition, target: GlobalPosition): boolean => compareGlobalPositions(position, target) >= 0;
