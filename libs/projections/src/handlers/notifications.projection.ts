import { createHash } from 'node:crypto';
import type { PlanledgerEvent, PlanSchedule } from '@planledger/domain';
import type { SqlQueryable, StoredEvent } from '@planledger/event-store';
import { deriveNotifications, nextDigestAt, type DeriveContext, type DerivedNotification } from '@planledger/notifications';
import type { ProjectedEvent } from './projected-event';

/** The event types deriveNotifications answers; every other event costs the projection nothing. */
const NOTIFYING = new Set<PlanledgerEvent['type']>([
  'AssignmentIssued', 'AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated', 'AssignmentSubmitted', 'AssignmentReviewPassed',
  'AssignmentReturned', 'AssignmentAccepted', 'PhaseOpened', 'PhaseClosingStarted', 'PhaseClosed', 'PlanPublished', 'PlanAmended',
]);

interface ChannelRow {
  channel_id: string;
  department_id: string;
  kind: string;
  digest_time: string | null;
  digest_zone: string | null;
}

const INSERT_OUTBOX = `insert into notification_outbox (outbox_id, event_id, event_type, stream, position, plan_id, assignment_id, recipient_id,
    channel_id, channel_kind, kind, urgent, facts, event_at, recorded_at, digest_at, status, due_at)
  select x->>'outboxId', $1, $2, $3, $4, $5, x->>'assignmentId', x->>'recipientId', x->>'channelId', x->>'channelKind', x->>'kind',
    (x->>'urgent')::boolean, x->'facts', $6::timestamptz, $7::timestamptz, (x->>'digestAt')::timestamptz, 'pending',
    coalesce((x->>'digestAt')::timestamptz, $6::timestamptz)
  from jsonb_array_elements($8::jsonb) x
  on conflict (event_id, recipient_id, channel_id) do nothing`;

/** Stable, and free of ':' (it becomes a BullMQ job id): one row per (event, recipient, channel). */
export const outboxIdOf = (eventId: string, recipientId: string, channelId: string): string =>
  `n${createHash('sha256').update(`${eventId}\u0000${recipientId}\u0000${channelId}`).digest('hex').slice(0, 40)}`;

/**
 * notification_outbox: what the notifications domain derives from the event, one row per
 * (event, recipient, channel), written in the projection batch's transaction. A channel hears only
 * of events recorded after it was set up, so a rebuild (which replays everything) adds nothing new;
 * the unique key makes a replay of events it already saw a no-op. Rows wait for the recipient's
 * 每日待办汇总 slot unless the message is urgent (escalations, returns).
 */
export async function projectNotifications(tx: SqlQueryable, projected: ProjectedEvent): Promise<void> {
  const { event, stored } = projected;
  if (!NOTIFYING.has(event.type)) return;
  const recordedAt = stored.recordedAt.toISOString();
  const [any] = await tx.query('select 1 as one from notification_channels where enabled and created_at <= $1 limit 1', [recordedAt]);
  if (!any) return;
  const context = await contextOf(tx, event);
  if (!context) return;
  const planId = (event.data as { planId: string }).planId;
  await insertNotificationRows(tx, { stored, eventAt: event.at, planId, position: projected.position }, deriveNotifications(event, context));
}

/**
 * Writes the derived notifications as outbox rows, one per (event, recipient, channel) on the
 * channels set up before the event was recorded (shared with the bulletin notices, whose event is
 * outside the domain union).
 */
export async function insertNotificationRows(
  tx: SqlQueryable, source: { stored: StoredEvent; eventAt: string; planId: string; position: string }, derived: readonly DerivedNotification[],
): Promise<void> {
  if (derived.length === 0) return;
  const { stored } = source;
  const recordedAt = stored.recordedAt.toISOString();
  const channels = await tx.query<ChannelRow>(
    'select channel_id, department_id, kind, digest_time, digest_zone from notification_channels where enabled and created_at <= $1 and department_id = any($2::text[]) order by channel_id',
    [recordedAt, [...new Set(derived.map((n) => n.recipientId))]],
  );
  const rows = derived.flatMap((n) => channels.filter((c) => c.department_id === n.recipientId).map((c) => outboxRow(stored.eventId, n, c)));
  if (rows.length === 0) return;
  await tx.query(INSERT_OUTBOX, [stored.eventId, stored.type, stored.stream, source.position, source.planId, source.eventAt, recordedAt, JSON.stringify(rows)]);
}

function outboxRow(eventId: string, n: DerivedNotification, channel: ChannelRow) {
  const digestAt = !n.urgent && channel.digest_time ? nextDigestAt(n.facts.at, { time: channel.digest_time, zone: channel.digest_zone ?? n.facts.timeZone }) : null;
  return {
    outboxId: outboxIdOf(eventId, n.recipientId, channel.channel_id),
    assignmentId: n.facts.assignmentId ?? null,
    recipientId: n.recipientId,
    channelId: channel.channel_id,
    channelKind: channel.kind,
    kind: n.facts.kind,
    urgent: n.urgent,
    facts: n.facts,
    digestAt,
  };
}

/** The read models' view the domain needs: read after the handlers before this one applied the event. */
async function contextOf(tx: SqlQueryable, event: PlanledgerEvent): Promise<DeriveContext | undefined> {
  const planId = (event.data as { planId: string }).planId;
  if (event.type === 'PlanPublished') return { schedule: event.data.schedule };
  if (event.type === 'PlanAmended') return { schedule: event.data.schedule, assignmentsBefore: await assignmentsBefore(tx, planId, event.data.schedule, event.data.changes.removedAssignmentIds) };
  if (event.type.startsWith('Phase')) {
    const [row] = await tx.query<{ schedule: PlanSchedule | string }>('select schedule from read_plans where plan_id = $1', [planId]);
    return row ? { schedule: typeof row.schedule === 'string' ? JSON.parse(row.schedule) : row.schedule } : undefined;
  }
  // Assignment events: the plan's names and zone (not its whole schedule) and the assignment as it stands now.
  const assignmentId = event.type === 'AssignmentIssued' ? event.data.obligation.assignmentId : (event.data as { assignmentId: string }).assignmentId;
  const [row] = await tx.query<{ title: string; time_zone: string; departments: PlanSchedule['departments'] | string; a_title: string | null; department_id: string | null; due_at: string | null }>(
    `select p.title, p.time_zone, p.schedule->'departments' as departments, a.title as a_title, a.department_id,
       to_char(a.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at
     from read_plans p left join read_assignments a on a.plan_id = p.plan_id and a.assignment_id = $2 where p.plan_id = $1`,
    [planId, assignmentId],
  );
  if (!row) return undefined;
  const departments: PlanSchedule['departments'] | null = typeof row.departments === 'string' ? JSON.parse(row.departments) : row.departments;
  const schedule: DeriveContext['schedule'] = { planId, title: row.title, timeZone: row.time_zone, departments: departments ?? [], phases: [], obligations: [] };
  const assignment = row.a_title !== null && row.department_id !== null && row.due_at !== null
    ? { assignmentId, title: row.a_title, departmentId: row.department_id, dueAt: row.due_at }
    : undefined;
  return { schedule, ...(assignment && { assignment }) };
}

/**
 * The assignments an amendment removes, as they stood: issued ones from read_assignments (the
 * cancellations come as later events); work not issued yet is known only by its id
 * `${measureId}.${departmentId}.${periodKey}`, so its department is the plan's department named in it.
 */
async function assignmentsBefore(tx: SqlQueryable, planId: string, schedule: PlanSchedule, removed: string[]): Promise<Map<string, { title: string; departmentId: string }>> {
  const map = new Map<string, { title: string; departmentId: string }>();
  if (removed.length === 0) return map;
  const rows = await tx.query<{ assignment_id: string; title: string; department_id: string }>(
    'select assignment_id, title, department_id from read_assignments where plan_id = $1 and assignment_id = any($2::text[])', [planId, removed]);
  for (const row of rows) map.set(row.assignment_id, { title: row.title, departmentId: row.department_id });
  const departmentIds = schedule.departments.map((d) => d.id).sort((a, b) => b.length - a.length);
  for (const id of removed) {
    if (map.has(id)) continue;
    const departmentId = departmentIds.find((d) => id.includes(`.${d}.`));
    if (departmentId) map.set(id, { title: id, departmentId });
  }
  return map;
}
