import { InvalidRequestError } from '../../http/api-errors';
import type { EventLogQuery } from './event-log-schemas';

/** Where the previous page ended: recorded_at exactly as the database printed it (microseconds), and position. */
export interface EventLogCursor {
  recordedAt: string;
  position: string;
}

export function encodeEventLogCursor(cursor: EventLogCursor): string {
  return Buffer.from(JSON.stringify([cursor.recordedAt, cursor.position])).toString('base64url');
}

export function decodeEventLogCursor(text: string): EventLogCursor {
  try {
    const [recordedAt, position] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof recordedAt === 'string' && /^[0-9 :.+-]{19,40}$/.test(recordedAt) && typeof position === 'string' && /^\d{1,19}$/.test(position)) return { recordedAt, position };
  } catch {
    // Reported below, as any other cursor that no page gave out.
  }
  throw new InvalidRequestError([{ path: 'query.cursor', message: 'not a cursor this api gave out: pass `page.nextCursor` of the previous page unchanged' }]);
}

/** The streams of one assignment: its own and the record of notifications about it. */
export function assignmentStreams(query: Pick<EventLogQuery, 'plan' | 'assignment'>): string[] {
  const assignment = query.assignment!;
  const ref = query.plan ? `${query.plan}.${assignment}` : assignment;
  if (!query.plan && !/^[a-z0-9][a-z0-9-]*\.[^.]/.test(assignment)) {
    throw new InvalidRequestError([{ path: 'query.assignment', message: 'give `{planId}.{assignmentId}`, or the bare assignment id together with `plan`' }]);
  }
  return [`assignment-${ref}`, `notifications-${ref}`];
}

/**
 * One page of the log, newest first. Every filter is spelled exactly as its index of migration 4
 * (libs/event-store migrations.ts), so each reads its own index in paging order; the keyset
 * (recorded_at, position) continues where the cursor stopped instead of counting an offset.
 */
export function eventLogStatement(query: EventLogQuery): { text: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.plan) where.push(`event_store_plan_of(stream) = ${param(query.plan)}`);
  if (query.assignment) where.push(`stream = any(${param(assignmentStreams(query))}::text[])`);
  if (query.department) where.push(`event_store_department_of(data, metadata) = ${param(query.department)}`);
  if (query.type) where.push(`type = ${param(query.type)}`);
  if (query.person) where.push(`(metadata->'actor'->>'userId') = ${param(query.person)}`);
  if (query.from) where.push(`recorded_at >= ${param(query.from)}::timestamptz`);
  if (query.to) where.push(`recorded_at < ${param(query.to)}::timestamptz`);
  if (query.cursor) {
    const after = decodeEventLogCursor(query.cursor);
    where.push(`(recorded_at, position) < (${param(after.recordedAt)}::timestamptz, ${param(after.position)}::bigint)`);
  }
  const text = `select stream, revision::text as revision, event_id::text as event_id, type, schema_version,
      data::text as data, metadata::text as metadata, recorded_at::text as recorded_at_text,
      (extract(epoch from recorded_at) * 1000)::float8 as recorded_at_ms, prev_hash, hash,
      transaction_id::text as transaction_id, position::text as position,
      event_store_plan_of(stream) as plan_id, event_store_department_of(data, metadata) as department_id
    from event_store_events
    ${where.length ? `where ${where.join(' and ')}` : ''}
    order by recorded_at desc, position desc
    limit ${param(query.limit + 1)}`;
  return { text, params };
}
