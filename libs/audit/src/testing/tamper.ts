import type { SqlQueryable } from '@planledger/event-store';

/**
 * What an attacker with database access would do: switch off the append-only trigger, change
 * one character inside an event's data, switch it back on. Test databases only.
 */
export async function tamperWithStoredEvent(database: SqlQueryable, stream: string, revision: number, from: string, to: string): Promise<void> {
  await database.query('alter table event_store_events disable trigger event_store_events_append_only');
  try {
    const rows = await database.query<{ stream: string }>(
      'update event_store_events set data = replace(data::text, $3, $4)::json where stream = $1 and revision = $2 returning stream',
      [stream, revision, from, to],
    );
    if (rows.length !== 1) throw new Error(`no event ${stream}@${revision} to tamper with`);
  } finally {
    await database.query('alter table event_store_events enable trigger event_store_events_append_only');
  }
}
