import type { RenderedMessage } from '@planledger/notifications';
import type { OpenChannel } from '../channels/channel-store';

/** One message to one channel: `id` is stable across retries (Standard Webhooks' webhook-id). */
export interface OutboundMessage {
  id: string;
  /** Event type for webhooks: `notification.<kind>` (or `notification.digest`). */
  type: string;
  rendered: RenderedMessage;
  /** The structured notification(s), for systems that read more than text. */
  data: Record<string, unknown>;
}

export type SendResult =
  | { outcome: 'sent'; detail: string }
  /** The endpoint said "too many": try again after this long (does not count as a failed attempt). */
  | { outcome: 'rate-limited'; retryAfterMs: number; error: string }
  /** retryable: a later attempt may succeed (network, 5xx, busy); else the configuration is wrong. */
  | { outcome: 'failed'; retryable: boolean; error: string };

export interface ChannelSender {
  /** `signal` aborts the send when the worker's claim on the row is lost (see ClaimLease). */
  send(channel: OpenChannel, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult>;
}

/** No endpoint may hold a delivery longer than this (the claim is renewed meanwhile, so no second worker takes it). */
export const SEND_TIMEOUT_MS = 10_000;

/** The send's own timeout, and the claim's loss when given. */
export const sendSignal = (signal?: AbortSignal): AbortSignal =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]) : AbortSignal.timeout(SEND_TIMEOUT_MS);

/** Network errors and timeouts, as a failed result naming the endpoint's host (never its secret path). */
export function networkFailure(url: string, error: unknown): SendResult {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return '(bad url)';
    }
  })();
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name ?? 'error';
  return { outcome: 'failed', retryable: true, error: `${host}: ${cause === 'TimeoutError' ? `no answer within ${SEND_TIMEOUT_MS} ms` : cause === 'AbortError' ? 'aborted: the claim on the row was lost' : `${cause} ${(error as Error).message}`}` };
}

/** UTF-8 bytes, cut on a character boundary: robots refuse messages over their byte limit. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
