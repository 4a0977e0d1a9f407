import type { SqlQueryable } from '@planledger/event-store';
import { REBUILT_TABLES } from '../rebuild/rebuild-read-models';

/** Every row of every read model as text, sorted: two equal snapshots mean identical tables. */
export async function snapshotReadModels(db: SqlQueryable): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of REBUILT_TABLES) {
    const rows = await db.query<{ row: string }>(`select x::text as row from ${table} x order by 1`);
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}
