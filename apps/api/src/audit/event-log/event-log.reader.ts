import { Inject, Injectable } from '@nestjs/common';
import { summariseEventData } from '@planledger/audit';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { z } from 'zod';
import { ApiError } from '../../http/api-errors';
import { AuditTrail } from '../audit-trail.service';
import type { Viewer } from '../audit.queries';
import type { EventLogAnswer, EventLogEntry, EventLogQuery } from './event-log-schemas';
import { encodeEventLogCursor, eventLogStatement } from './event-log-sql';

const rowSchema = z.object({
  stream: z.string(),
  revision: z.string(),
  event_id: z.string(),
  type: z.string(),
  schema_version: z.number(),
  data: z.string().transform((text) => JSON.parse(text) as unknown),
  metadata: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
  recorded_at_text: z.string(),
  recorded_at_ms: z.number(),
  prev_hash: z.string(),
  hash: z.string(),
  transaction_id: z.string(),
  position: z.string(),
  plan_id: z.string().nullable(),
  department_id: z.string().nullable(),
});
type Row = z.output<typeof rowSchema>;

function toEntry(row: Row): EventLogEntry {
  const actor = row.metadata.actor as EventLogEntry['actor'] | undefined;
  return {
    stream: row.stream,
    revision: Number(row.revision),
    position: `${row.transaction_id}:${row.position}`,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    planId: row.plan_id,
    departmentId: row.department_id,
    actor: actor ?? null,
    businessTime: typeof row.metadata.businessTime === 'string' ? row.metadata.businessTime : null,
    recordedAt: new Date(row.recorded_at_ms).toISOString(),
    summary: summariseEventData(row.data),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * GET /audit/events: the store's own table, read a page at a time through the indexes of
 * migration 4. KurrentDB has no such table (nor indexes to filter by JSON), so there the log
 * answers 501 and points at the per-stream route.
 */
@Injectable()
export class EventLogReader {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  async page(query: EventLogQuery, viewer: Viewer): Promise<EventLogAnswer> {
    if (this.storage.kind === 'kurrentdb') {
      throw new ApiError(501, { error: 'not_supported', message: 'the event log reads the PostgreSQL or PGlite event table; with KurrentDB use GET /audit/streams/{stream}' });
    }
    const { text, params } = eventLogStatement(query);
    const rows = (await this.storage.database.query(text, params)).map((row) => rowSchema.parse(row));
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeEventLogCursor({ recordedAt: last.recorded_at_text, position: last.position }) : null;
    const { cursor: _cursor, limit: _limit, ...chosen } = query;
    const filters = Object.fromEntries(Object.entries(chosen).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    await this.trail.viewed(viewer.actor, { route: 'GET /audit/events', filters, shown: shown.length }, viewer.correlationId);
    return { events: shown.map(toEntry), page: { limit: query.limit, nextCursor } };
  }
}
