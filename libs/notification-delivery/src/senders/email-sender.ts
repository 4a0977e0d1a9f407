import { createTransport, type Transporter } from 'nodemailer';
import type { OpenChannel } from '../channels/channel-store';
import type { ChannelSender, OutboundMessage, SendResult } from './sender';
import { SEND_TIMEOUT_MS } from './sender';

/**
 * E-mail through the configured SMTP server (nodemailer), a plain-text and an HTML part. A 5xx
 * answer to the recipient is permanent (no such mailbox); 4xx and connection problems are retried.
 */
export class EmailSender implements ChannelSender {
  private transport: Transporter | undefined;

  constructor(private readonly smtpUrl: string | undefined, private readonly from: string) {}

  async send(channel: OpenChannel, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult> {
    if (channel.full.kind !== 'email') throw new Error(`channel ${channel.channelId} is ${channel.full.kind}, not email`);
    if (!this.smtpUrl) return { outcome: 'failed', retryable: true, error: 'SMTP_URL is not set: no mail can leave' };
    this.transport ??= createTransport(smtpOptions(this.smtpUrl));
    // nodemailer takes no signal: a claim lost before the conversation starts sends nothing.
    if (signal?.aborted) return { outcome: 'failed', retryable: true, error: 'aborted: the claim on the row was lost' };
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: channel.full.address,
        subject: message.rendered.title,
        text: message.rendered.text,
        html: message.rendered.html,
        messageId: `<${message.id}@planledger>`,
        headers: { 'X-Planledger-Notification': message.id },
      });
      return { outcome: 'sent', detail: `SMTP ${info.response}` };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return { outcome: 'failed', retryable: code === undefined || code < 500, error: `SMTP ${code ?? (error as { code?: string }).code ?? ''} ${(error as Error).message}`.trim() };
    }
  }

  close(): void {
    this.transport?.close();
  }
}

/** SMTP_URL as nodemailer's options, with the send timeout on every phase of the conversation. */
function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    // A local relay without a certificate is common in bureaus; ?tls=strict demands a valid one.
    tls: { rejectUnauthorized: url.searchParams.get('tls') === 'strict' },
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  };
}
