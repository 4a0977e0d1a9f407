import type { SqlQueryable } from '@planledger/event-store';

/**
 * Where the projection runner has got to: changes whenever any read model may have changed, so
 * an answer computed from the read models can be reused while it stays the same.
 */
export async function readModelsVersion(db: SqlQueryable): Promise<string> {
  const [row] = await db.query<{ commit_position: string; prepare_position: string }>(
    `select commit_position, prepare_position from read_checkpoints where name = 'projections'`,
  );
  return row ? `${row.commit_position}:${row.prepare_position}` : '';
}
