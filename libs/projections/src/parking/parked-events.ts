import { formatGlobalPosition, type SqlQueryable, type StoredEvent } from '@planledger/event-store';
import { iso } from '../sql/iso';

export type ParkedStatus = 'parked' | 'skipped' | 'retried';

export interface ParkedEvent {
  projection: string;
  position: string;
  eventId: string;
  stream: string;
  revision: string;
  eventType: string;
  error: string;
  status: ParkedStatus;
  attempts: number;
  parkedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** What went wrong, as a log line and a parked row carry it. */
export const describeError = (error: unknown): { message: string; stack?: string } =>
  error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };

/** Records that `projection` could not apply `event`; a second failure of the same event counts an attempt. */
export async function parkEvent(tx: SqlQueryable, projection: string, event: StoredEvent, error: unknown): Promise<void> {
  const { message, stack } = describeError(error);
  await tx.query(
    `insert into read_parked_events (projection, position, event_id, stream, revision, event_type, error, stack, status, parked_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'parked', now())
     on conflict (projection, position) do update set error = excluded.error, stack = excluded.stack, status = 'parked',
       attempts = read_parked_events.attempts + 1, decided_at = null, decided_by = null`,
    [projection, formatGlobalPosition(event.position), event.eventId, event.stream, event.revision.toString(), event.type, message, stack ?? null],
  );
}

export async function markDecided(tx: SqlQueryable, projection: string, position: string, status: Exclude<ParkedStatus, 'parked'>, decidedBy: string): Promise<void> {
  await tx.query(
    `update read_parked_events set status = $3, decided_at = now(), decided_by = $4 where projection = $1 and position = $2`,
    [projection, position, status, decidedBy],
  );
}

const columns = `projection, position, event_id, stream, revision, event_type, error, status, attempts, ${iso('parked_at')}, ${iso('decided_at')}, decided_by`;

type Row = {
  projection: string; position: string; event_id: string; stream: string; revision: string; event_type: string; error: string;
  status: ParkedStatus; attempts: number; parked_at: string; decided_at: string | null; decided_by: string | null;
};

const toParkedEvent = (row: Row): ParkedEvent => ({
  projection: row.projection, position: row.position, eventId: row.event_id, stream: row.stream, revision: row.revision,
  eventType: row.event_type, error: row.error, status: row.status, attempts: row.attempts, parkedAt: row.parked_at,
  decidedAt: row.decided_at, decidedBy: row.decided_by,
});

/** Parked events, oldest first; `open` only those still waiting for an operator's decision. */
export async function listParkedEvents(db: SqlQueryable, options: { open?: boolean; limit?: number } = {}): Promise<ParkedEvent[]> {
  const rows = await db.query<Row>(
    `select ${columns} from read_parked_events ${options.open ? `where status = 'parked'` : ''} order by parked_at, position limit $1`,
    [options.limit ?? 1000],
  );
  return rows.map(toParkedEvent);
}

export async function countOpenParkedEvents(db: SqlQueryable): Promise<Record<string, number>> {
  const rows = await db.query<{ projection: string; n: number }>(
    `select projection, count(*)::int as n from read_parked_events where status = 'parked' group by projection`,
  );
  return Object.fromEntries(rows.map((row) => [row.projection, row.n]));
}

/** The parked event a decision names: by its id or its position. */
export async function findParkedEvent(db: SqlQueryable, idOrPosition: string): Promise<ParkedEvent[]> {
  const rows = await db.query<Row>(`select ${columns} from read_parked_events where event_id = $1 or position = $1 order by projection`, [idOrPosition]);
  return rows.map(toParkedEvent);
}
