import type { SqlQueryable } from '@planledger/event-store';
import { countOpenParkedEvents, listParkedEvents } from '@planledger/projections';

/** The parked events shown in /health: enough to act on; the CLI lists them all. */
const SHOWN = 5;

export type ProjectionsCheck =
  | { status: 'up'; parkedEvents: 0 }
  | {
      status: 'degraded';
      reason: string;
      parkedEvents: number;
      parked: { projection: string; position: string; stream: string; revision: string; eventType: string; error: string; parkedAt: string }[];
    }
  /** The read models could not be read: the store check says why. */
  | { status: 'unknown'; error: string };

export async function checkProjections(database: SqlQueryable): Promise<ProjectionsCheck> {
  try {
    const counts = await countOpenParkedEvents(database);
    const parkedEvents = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (parkedEvents === 0) return { status: 'up', parkedEvents: 0 };
    const parked = (await listParkedEvents(database, { open: true, limit: SHOWN })).map(
      ({ projection, position, stream, revision, eventType, error, parkedAt }) => ({ projection, position, stream, revision, eventType, error, parkedAt }),
    );
    const first = parked[0];
    const reason =
      `${parkedEvents} event(s) parked: the read models could not apply them and went on without them` +
      (first ? ` (first: ${first.eventType} at ${first.position} in stream ${first.stream}: ${first.error})` : '') +
      '; decide with `planledger projections skip|retry <eventId|position>` (list: `planledger projections parked`)';
    return { status: 'degraded', reason, parkedEvents, parked };
  } catch (error) {
    return { status: 'unknown', error: (error as Error).message };
  }
}
