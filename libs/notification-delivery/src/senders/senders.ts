import type { ChannelKind } from '../channels/channel-schemas';
import { DingtalkSender } from './dingtalk-sender';
import { EmailSender } from './email-sender';
import type { ChannelSender } from './sender';
import { WebhookSender } from './webhook-sender';
import { WecomSender } from './wecom-sender';

export type Senders = Record<ChannelKind, ChannelSender>;

export function createSenders(options: { smtpUrl?: string; smtpFrom: string }): Senders {
  return { wecom: new WecomSender(), dingtalk: new DingtalkSender(), webhook: new WebhookSender(), email: new EmailSender(options.smtpUrl, options.smtpFrom) };
}
