import type { NotificationFacts } from '@planledger/notifications';
import type { SqlQueryable } from '@planledger/event-store';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'withheld';

export interface OutboxRow {
  outboxId: string;
  eventId: string;
  eventType: string;
  planId: string;
  assignmentId: string | null;
  recipientId: string;
  channelId: string;
  channelKind: string;
  kind: string;
  urgent: boolean;
  facts: NotificationFacts;
  digestAt: string | null;
  status: OutboxStatus;
  attempts: number;
  retryBase: number;
  eventAt: string;
  recordedAtMs: number;
  dueAt: string;
  deliveredAt: string | null;
  lastError: string | null;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const OUTBOX_COLUMNS = `outbox_id, event_id, event_type, plan_id, assignment_id, recipient_id, channel_id, channel_kind, kind, urgent, facts,
  ${iso('digest_at')} as digest_at, status, attempts, retry_base, ${iso('event_at')} as event_at,
  (extract(epoch from recorded_at) * 1000)::float8 as recorded_ms, ${iso('due_at')} as due_at, ${iso('delivered_at')} as delivered_at, last_error`;

interface Raw {
  outbox_id: string; event_id: string; event_type: string; plan_id: string; assignment_id: string | null; recipient_id: string; channel_id: string;
  channel_kind: string; kind: string; urgent: boolean; facts: NotificationFacts | string; digest_at: string | null; status: OutboxStatus; attempts: number;
  retry_base: number; event_at: string; recorded_ms: number; due_at: string; delivered_at: string | null; last_error: string | null;
}

export const toOutboxRow = (r: Raw): OutboxRow => ({
  outboxId: r.outbox_id, eventId: r.event_id, eventType: r.event_type, planId: r.plan_id, assignmentId: r.assignment_id, recipientId: r.recipient_id,
  channelId: r.channel_id, channelKind: r.channel_kind, kind: r.kind, urgent: r.urgent, facts: typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts,
  digestAt: r.digest_at, status: r.status, attempts: Number(r.attempts), retryBase: Number(r.retry_base), eventAt: r.event_at, recordedAtMs: Number(r.recorded_ms),
  dueAt: r.due_at, deliveredAt: r.delivered_at, lastError: r.last_error,
});

/** A claim is taken when the row waits, or when its holder's claim ran out (the holder died). */
const CLAIMABLE = `(status = 'pending' or (status = 'sending' and claimed_until < clock_timestamp()))`;

/**
 * The outbox is the truth about delivery (as read_timers is for timers): a worker sends a row only
 * after claiming it here, so two workers, a redelivered job or a re-added job after a Redis loss
 * still send each row once. Claims use the database's clock; due_at is business time.
 */
export class OutboxStore {
  constructor(private readonly database: SqlQueryable) {}

  /**
   * Claims a due row under `token` (a fencing token, new for every claim). One channel hears of one
   * assignment in the order things happened (reminder, overdue, escalation): a row waits while an
   * earlier one of the same channel and assignment is still to be sent ('blocked'); a dead one does
   * not hold the rest back.
   */
  async claim(outboxId: string, workerId: string, token: string, now: Date, lockMs: number): Promise<OutboxRow | 'blocked' | undefined> {
    const [row] = await this.database.query<Raw>(
      `update notification_outbox o set status = 'sending', claimed_by = $2, claim_token = $5, claimed_until = clock_timestamp() + make_interval(secs => $4::float8 / 1000)
       where o.outbox_id = $1 and o.due_at <= $3::timestamptz and ${CLAIMABLE}
         and (o.assignment_id is null or o.digest_at is not null or not exists (select 1 from notification_outbox e
           where e.channel_id = o.channel_id and e.plan_id = o.plan_id and e.assignment_id = o.assignment_id and e.digest_at is null
             and e.status in ('pending', 'sending') and (e.event_at, e.recorded_at, e.outbox_id) < (o.event_at, o.recorded_at, o.outbox_id)))
       returning ${OUTBOX_COLUMNS}`,
      [outboxId, workerId, now.toISOString(), lockMs, token], 'notify_claim');
    if (row) return toOutboxRow(row);
    const [state] = await this.database.query<{ status: string; due: boolean }>(
      'select status, due_at <= $2::timestamptz as due from notification_outbox where outbox_id = $1', [outboxId, now.toISOString()], 'notify_unclaimed');
    if (state?.status === 'pending' && state.due) return 'blocked';
    // Not due after all (clock skew) or taken: let the sweep add it again if it still waits.
    if (state?.status === 'pending') await this.database.query('update notification_outbox set enqueued_try = null where outbox_id = $1', [outboxId], 'notify_unclaimed_reset');
    return undefined;
  }

  /** The other rows of the same 每日待办汇总 (channel, recipient, slot): claimed together under the same token, sent as one message. */
  async claimDigest(first: OutboxRow, workerId: string, token: string, lockMs: number): Promise<OutboxRow[]> {
    const rows = await this.database.query<Raw>(
      `update notification_outbox set status = 'sending', claimed_by = $4, claim_token = $7, claimed_until = clock_timestamp() + make_interval(secs => $5::float8 / 1000)
       where channel_id = $1 and recipient_id = $2 and digest_at = $3::timestamptz and outbox_id <> $6 and ${CLAIMABLE} returning ${OUTBOX_COLUMNS}`,
      [first.channelId, first.recipientId, first.digestAt, workerId, lockMs, first.outboxId, token], 'notify_claim_digest');
    return [first, ...rows.map(toOutboxRow).sort((a, b) => Date.parse(a.eventAt) - Date.parse(b.eventAt) || a.outboxId.localeCompare(b.outboxId))];
  }

  /**
   * The heartbeat: extends the claim of rows still held under `token` by `lockMs` from now. Returns
   * how many were extended; fewer than `ids` means the claim was lost (it ran out and was taken over
   * or swept back), and the holder must not send.
   */
  async renew(ids: readonly string[], token: string, lockMs: number): Promise<number> {
    const rows = await this.database.query<{ outbox_id: string }>(
      `update notification_outbox set claimed_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000)
       where outbox_id = any($1::text[]) and status = 'sending' and claim_token = $2 returning outbox_id`, [ids, token, lockMs], 'notify_renew');
    return rows.length;
  }

  /** The outcome writes below are fenced by the claim's token: a worker that lost its claim changes nothing. Each returns the rows it changed. */
  async markSent(ids: readonly string[], token: string): Promise<number> {
    return this.changed(
      `update notification_outbox set status = 'sent', attempts = attempts + 1, delivered_at = clock_timestamp(),
         delivered_ms = (extract(epoch from clock_timestamp()) * 1000)::float8, claimed_by = null, claimed_until = null, claim_token = null, last_error = null
       where outbox_id = any($1::text[]) and status = 'sending' and claim_token = $2 returning outbox_id`, [ids, token], 'notify_sent');
  }

  async markWithheld(ids: readonly string[], token: string): Promise<number> {
    return this.changed(
      `update notification_outbox set status = 'withheld', delivered_at = clock_timestamp(), claimed_by = null, claimed_until = null, claim_token = null
       where outbox_id = any($1::text[]) and status = 'sending' and claim_token = $2 returning outbox_id`, [ids, token], 'notify_withheld');
  }

  /** A failed attempt: back to pending at `retryAt`, or dead (null). */
  async markFailed(ids: readonly string[], token: string, error: string, retryAt: Date | null): Promise<number> {
    return this.changed(
      `update notification_outbox set status = case when $3::timestamptz is null then 'dead' else 'pending' end, attempts = attempts + 1,
         due_at = coalesce($3::timestamptz, due_at), last_error = $2, claimed_by = null, claimed_until = null, claim_token = null
       where outbox_id = any($1::text[]) and status = 'sending' and claim_token = $4 returning outbox_id`, [ids, error, retryAt?.toISOString() ?? null, token], 'notify_failed');
  }

  /** Rate-limited: not an attempt; waits again (the job is delayed). */
  async release(ids: readonly string[], token: string, error: string): Promise<number> {
    return this.changed(
      `update notification_outbox set status = 'pending', last_error = $2, claimed_by = null, claimed_until = null, claim_token = null
       where outbox_id = any($1::text[]) and status = 'sending' and claim_token = $3 returning outbox_id`, [ids, error, token], 'notify_release');
  }

  private async changed(sql: string, params: unknown[], name: string): Promise<number> {
    return (await this.database.query<{ outbox_id: string }>(sql, params, name)).length;
  }

  /** An admin sends a dead row again: due now, the attempt limit counted afresh. */
  async retry(outboxId: string, now: Date): Promise<OutboxRow | undefined> {
    const [row] = await this.database.query<Raw>(
      `update notification_outbox set status = 'pending', retry_base = attempts, due_at = $2::timestamptz, enqueued_try = null
       where outbox_id = $1 and status = 'dead' returning ${OUTBOX_COLUMNS}`, [outboxId, now.toISOString()]);
    return row && toOutboxRow(row);
  }

  async get(outboxId: string): Promise<OutboxRow | undefined> {
    const [row] = await this.database.query<Raw>(`select ${OUTBOX_COLUMNS} from notification_outbox where outbox_id = $1`, [outboxId]);
    return row && toOutboxRow(row);
  }

  async list(filter: { status?: OutboxStatus[]; recipientId?: string; planId?: string; assignmentId?: string; limit: number }): Promise<OutboxRow[]> {
    const rows = await this.database.query<Raw>(
      `select ${OUTBOX_COLUMNS} from notification_outbox
       where ($1::text[] is null or status = any($1::text[])) and ($2::text is null or recipient_id = $2)
         and ($3::text is null or plan_id = $3) and ($4::text is null or assignment_id = $4)
       order by event_at desc, outbox_id limit $5`,
      [filter.status ?? null, filter.recipientId ?? null, filter.planId ?? null, filter.assignmentId ?? null, filter.limit]);
    return rows.map(toOutboxRow);
  }
}
