import { Webhook } from 'standardwebhooks';
import type { OpenChannel } from '../channels/channel-store';
import { networkFailure, sendSignal, type ChannelSender, type OutboundMessage, type SendResult } from './sender';

/** Statuses no retry fixes: the receiver refuses this endpoint or this payload. */
const PERMANENT = new Set([400, 401, 403, 404, 405, 410, 413, 422]);

/**
 * A signed HTTPS webhook per the Standard Webhooks specification: webhook-id (stable across retries:
 * receivers drop repeats by it), webhook-timestamp (seconds) and webhook-signature (v1, HMAC-SHA256)
 * from the `standardwebhooks` package. 2xx is delivered; 429 waits for Retry-After.
 */
export class WebhookSender implements ChannelSender {
  constructor(private readonly now: () => number = Date.now) {}

  async send(channel: OpenChannel, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult> {
    if (channel.full.kind !== 'webhook') throw new Error(`channel ${channel.channelId} is ${channel.full.kind}, not webhook`);
    const timestamp = new Date(this.now());
    const body = JSON.stringify({ type: message.type, timestamp: timestamp.toISOString(), data: { ...message.data, message: message.rendered } });
    const signature = new Webhook(channel.full.signingSecret).sign(message.id, timestamp, body);
    const url = channel.full.url;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: sendSignal(signal),
      });
      const text = await response.text().catch(() => '');
      if (response.ok) return { outcome: 'sent', detail: `HTTP ${response.status}` };
      if (response.status === 429) return { outcome: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after')), error: `HTTP 429 ${text.slice(0, 200)}` };
      return { outcome: 'failed', retryable: !PERMANENT.has(response.status), error: `${new URL(url).host}: HTTP ${response.status} ${text.slice(0, 200)}` };
    } catch (error) {
      return networkFailure(url, error);
    }
  }
}

/** Retry-After in seconds or as an HTTP date; a minute when absent or unreadable. */
function retryAfterMs(header: string | null): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? 60_000 : Math.max(1000, at - Date.now());
}
