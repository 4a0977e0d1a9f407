import { START_POSITION, type EventStore, type GlobalPosition, type SqlQueryable } from '@planledger/event-store';

const hasEventsTable = new WeakMap<SqlQueryable, Promise<boolean>>();

/** PostgreSQL and PGlite keep the events beside the read models; KurrentDB does not. */
function eventsAreInDatabase(database: SqlQueryable): Promise<boolean> {
  let known = hasEventsTable.get(database);
  if (!known) {
    known = database
      .query<{ present: boolean }>(`select to_regclass('event_store_events') is not null as present`)
      .then(([row]) => Boolean(row?.present));
    hasEventsTable.set(database, known);
  }
  return known;
}

/**
 * The position of the last event committed before this call, or undefined for an empty store.
 * On SQL it is the maximum (transaction_id, position) without the xmin horizon that `readAll`
 * applies: an event just appended counts even while an older transaction still runs, so a
 * caller waiting on this head really waits for its own append to be projected.
 */
export async function storeHead(database: SqlQueryable, store: EventStore, scanFrom: GlobalPosition = START_POSITION): Promise<GlobalPosition | undefined> {
  if (await eventsAreInDatabase(database)) {
    const [row] = await database.query<{ commit: string; prepare: string }>(
      `select e.transaction_id::text as commit, e.position::text as prepare from event_store_events e
       order by e.transaction_id desc, e.position desc limit 1`,
    );
    return row ? { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } : undefined;
  }
  // Elsewhere the port offers only forward reads: walk from the slowest checkpoint to the end.
  let last: GlobalPosition | undefined;
  for await (const event of store.readAll({ after: scanFrom })) last = event.position;
  return last ?? (scanFrom === START_POSITION ? undefined : scanFrom);
}

/** How many events lie after `after` (capped: a metric, not an audit). */
export async function countEventsAfter(database: SqlQueryable, store: EventStore, after: GlobalPosition, cap = 1_000_000): Promise<number> {
  if (await eventsAreInDatabase(database)) {
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from event_store_events e
       where (e.transaction_id, e.position) > ($1::text::xid8, $2::bigint) limit $3) behind`,
      [after.commit.toString(), after.prepare.toString(), cap],
    );
    return Number(row?.n ?? 0);
  }
  let count = 0;
  for await (const _event of store.readAll({ after, maxCount: cap })) count++;
  return count;
}
