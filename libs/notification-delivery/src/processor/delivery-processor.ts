import { randomUUID } from 'node:crypto';
import type { Clock } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { renderDigest, renderMessage, type RenderedMessage } from '@planledger/notifications';
import type { ChannelStore, OpenChannel } from '../channels/channel-store';
import type { OutboxRow, OutboxStore } from '../outbox/outbox-store';
import type { NotificationQueue } from '../queue/notification-queue';
import type { EndpointRateLimiter } from '../rate/endpoint-rate-limiter';
import { recordDelivery, type DeliveryEventData, type DeliveryEventType } from '../record/delivery-events';
import type { OutboundMessage } from '../senders/sender';
import type { Senders } from '../senders/senders';
import { ClaimLease } from './claim-lease';

export interface DeliveryProcessorOptions {
  outbox: OutboxStore;
  channels: ChannelStore;
  senders: Senders;
  limiter: EndpointRateLimiter;
  store: EventStore;
  /** The service clock: business time (due_at, the record); virtual under --virtual-clock. */
  clock: Clock;
  workerId: string;
  lockMs: number;
  maxAttempts: number;
  backoffMs: number;
  /**
   * 'all': send. 'loopback' (virtual clock, demo): nothing leaves the machine; only endpoints on this
   * machine (127.0.0.1, ::1, localhost) receive, the rest is withheld for the outbox viewer. 'none' (NOTIFY_SEND=false): everything is withheld.
   */
  send: 'all' | 'loopback' | 'none';
  /** The SMTP server's address, for the loopback rule of e-mail channels. */
  smtpUrl?: string;
  publicUrl?: string;
  /** Adds the next attempt's job at once (else the sweep adds it). */
  queue?: NotificationQueue;
  onDelivered?: (rows: OutboxRow[]) => void;
}

export type DeliveryOutcome =
  | { kind: 'skipped' }
  /** The claim ran out and another worker may hold the row: this worker wrote nothing (and sent nothing after it noticed). */
  | { kind: 'lost'; reason: string }
  | { kind: 'sent' | 'withheld' | 'dead'; rows: number }
  | { kind: 'retry'; at: string }
  /** The endpoint's window is full or it said "too many": run the job again after `ms`. */
  | { kind: 'delay'; ms: number };

const MAX_BACKOFF_MS = 3_600_000;
/** How long a row waits for an earlier one of the same channel and assignment to go first. */
const ORDER_WAIT_MS = 250;
const CHANNEL_CACHE_MS = 5_000;

/**
 * One delivery job, without BullMQ: claim the row in the outbox (nobody else sends it meanwhile),
 * render it in the channel's language, respect the endpoint's rate window, send, then write the
 * outcome to the row and to the record (one event per attempt). A digest row takes its siblings of
 * the same slot along and sends them as one 每日待办汇总.
 */
export class DeliveryProcessor {
  /** Opened channels for a few seconds: a burst to one endpoint reads and decrypts its row once, not per message; a disable shows within that time. */
  private readonly opened = new Map<string, { channel: Promise<OpenChannel | undefined>; until: number }>();

  constructor(private readonly options: DeliveryProcessorOptions) {}

  private openChannel(channelId: string): Promise<OpenChannel | undefined> {
    const cached = this.opened.get(channelId);
    if (cached && cached.until > Date.now()) return cached.channel;
    const channel = this.options.channels.open(channelId);
    this.opened.set(channelId, { channel, until: Date.now() + CHANNEL_CACHE_MS });
    channel.catch(() => this.opened.delete(channelId));
    return channel;
  }

  /**
   * Claims the row under a new fencing token, keeps the claim alive while the delivery is in flight
   * (ClaimLease: a heartbeat every third of lockMs), and writes the outcome only under that token. A
   * send that takes longer than the lock therefore keeps its row; a worker whose claim was lost
   * aborts its send, records nothing, and cannot mark the row.
   */
  async process(outboxId: string): Promise<DeliveryOutcome> {
    const o = this.options;
    const now = await o.clock.now();
    const token = randomUUID();
    const claimedAt = performance.now();
    const first = await o.outbox.claim(outboxId, o.workerId, token, now, o.lockMs);
    if (first === 'blocked') return { kind: 'delay', ms: ORDER_WAIT_MS };
    if (!first) return { kind: 'skipped' };
    const rows = first.digestAt ? await o.outbox.claimDigest(first, o.workerId, token, o.lockMs) : [first];
    const lease = new ClaimLease(o.outbox, rows.map((r) => r.outboxId), token, o.lockMs, claimedAt);
    try {
      return await this.deliver(rows, token, lease, now);
    } finally {
      lease.stop();
    }
  }

  private async deliver(rows: OutboxRow[], token: string, lease: ClaimLease, now: Date): Promise<DeliveryOutcome> {
    const o = this.options;
    const first = rows[0];
    const ids = rows.map((r) => r.outboxId);
    const lost = (): DeliveryOutcome => ({ kind: 'lost', reason: lease.lostBecause ?? 'the outbox refused the claim token' });
    let channel: OpenChannel | undefined;
    try {
      channel = await this.openChannel(first.channelId);
    } catch (error) {
      return this.failed(rows, token, lease, now, `channel ${first.channelId}: ${(error as Error).message}`, true);
    }
    if (!channel || !channel.enabled) return this.failed(rows, token, lease, now, `channel ${first.channelId} was ${channel ? 'disabled' : 'removed'}`, false);
    const rendered = this.render(rows, channel);
    if (!this.maySend(channel)) {
      if (lease.lost) return lost();
      await this.record(rows, 'NotificationWithheld', now, (row) => ({ title: rendered.title, text: rendered.text, key: `${row.outboxId}/withheld` }));
      await o.outbox.markWithheld(ids, token);
      return { kind: 'withheld', rows: rows.length };
    }
    const wait = await o.limiter.acquire(channel.channelId, channel.ratePerMinute);
    if (wait > 0) {
      if ((await o.outbox.release(ids, token, `waiting ${wait} ms for the endpoint's ${channel.ratePerMinute}/min window`)) === 0) return lost();
      return { kind: 'delay', ms: wait };
    }
    // Never start a send on a claim about to run out: renewed first, or nothing is sent.
    if (!(await lease.holdsFor(o.lockMs / 2))) return lost();
    const message: OutboundMessage = {
      id: rows.length > 1 ? `digest-${first.outboxId}` : first.outboxId,
      type: rows.length > 1 ? 'notification.digest' : `notification.${first.kind}`,
      rendered,
      data: { notifications: rows.map((r) => ({ outboxId: r.outboxId, planId: r.planId, assignmentId: r.assignmentId, recipientId: r.recipientId, kind: r.kind, facts: r.facts })) },
    };
    const result = await o.senders[channel.kind].send(channel, message, lease.signal);
    if (lease.lost) return lost();
    switch (result.outcome) {
      case 'sent':
        // The record first: a worker dying between the two leaves the row to be sent again (same
        // webhook-id, same event id), never a row marked sent without its event.
        await this.record(rows, 'NotificationSent', now, (row) => ({ title: rendered.title, text: rendered.text, detail: result.detail, key: `${row.outboxId}/${row.attempts + 1}/sent` }));
        if ((await o.outbox.markSent(ids, token)) < ids.length) return lost();
        o.onDelivered?.(rows);
        return { kind: 'sent', rows: rows.length };
      case 'rate-limited': {
        await o.limiter.block(channel.channelId, result.retryAfterMs);
        const retryAt = new Date(now.getTime() + result.retryAfterMs).toISOString();
        // Not an attempt against the limit, but on the record: the channel refused, and when it is tried again.
        await this.record(rows, 'NotificationRefused', now, (row) => ({ error: result.error, retryAt, key: `${row.outboxId}/${row.attempts + 1}/rate-limited/${now.getTime()}` }));
        if ((await o.outbox.release(ids, token, result.error)) === 0) return lost();
        return { kind: 'delay', ms: result.retryAfterMs };
      }
      case 'failed':
        return this.failed(rows, token, lease, now, result.error, result.retryable);
    }
  }

  private maySend(channel: OpenChannel): boolean {
    const { send, smtpUrl } = this.options;
    if (send !== 'loopback') return send === 'all';
    const full = channel.full;
    const endpoint = full.kind === 'webhook' ? full.url : full.kind === 'email' ? smtpUrl : full.webhookUrl;
    return endpoint !== undefined && isLoopback(endpoint);
  }

  private render(rows: OutboxRow[], channel: OpenChannel): RenderedMessage {
    const { publicUrl } = this.options;
    const first = rows[0];
    if (!first.digestAt) return renderMessage(first.facts, { locale: channel.locale, publicUrl });
    return renderDigest(rows.map((r) => r.facts), { locale: channel.locale, publicUrl, at: first.digestAt, zone: channel.digest?.zone ?? first.facts.timeZone });
  }

  /** Exponential backoff from NOTIFY_BACKOFF_MS, doubling per attempt since the last admin retry, capped at an hour; then the dead-letter list. */
  private async failed(rows: OutboxRow[], token: string, lease: ClaimLease, now: Date, error: string, retryable: boolean): Promise<DeliveryOutcome> {
    const o = this.options;
    if (lease.lost) return { kind: 'lost', reason: lease.lostBecause! };
    const first = rows[0];
    const attempt = first.attempts + 1;
    const sinceRetry = attempt - first.retryBase;
    const giveUp = !retryable || sinceRetry >= o.maxAttempts;
    const retryAt = giveUp ? null : new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, o.backoffMs * 2 ** (sinceRetry - 1)));
    if (giveUp) {
      await this.record(rows, 'NotificationGivenUp', now, (row) => ({ error, key: `${row.outboxId}/${row.attempts + 1}/given-up` }));
      if ((await o.outbox.markFailed(rows.map((r) => r.outboxId), token, error, null)) === 0) return { kind: 'lost', reason: 'the outbox refused the claim token' };
      return { kind: 'dead', rows: rows.length };
    }
    await this.record(rows, 'NotificationRefused', now, (row) => ({ error, retryAt: retryAt!.toISOString(), key: `${row.outboxId}/${row.attempts + 1}/refused` }));
    if ((await o.outbox.markFailed(rows.map((r) => r.outboxId), token, error, retryAt)) === 0) return { kind: 'lost', reason: 'the outbox refused the claim token' };
    await o.queue?.add(rows.map((r) => ({ outboxId: r.outboxId, attempt: r.attempts + 1, delayMs: retryAt!.getTime() - now.getTime() })));
    return { kind: 'retry', at: retryAt!.toISOString() };
  }

  private async record(rows: OutboxRow[], type: DeliveryEventType, at: Date, extra: (row: OutboxRow) => Partial<DeliveryEventData> & { key: string }): Promise<void> {
    const digestOf = rows.length > 1 ? rows.map((r) => r.outboxId) : undefined;
    for (const row of rows) {
      const { key, ...rest } = extra(row);
      await recordDelivery(this.options.store, {
        type, at, key,
        data: {
          outboxId: row.outboxId, causeEventId: row.eventId, planId: row.planId, assignmentId: row.assignmentId, recipientId: row.recipientId,
          channelId: row.channelId, channelKind: row.channelKind, kind: row.kind, attempt: row.attempts + (type === 'NotificationWithheld' ? 0 : 1),
          ...(digestOf && { digestOf }), ...rest,
        },
      });
    }
  }
}

/** An address on this machine: what the virtual clock may still send to (local receivers, a local mail catcher). */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
