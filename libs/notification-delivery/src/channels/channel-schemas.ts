import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const idText = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" and "-"');

/** What each kind of channel needs; the secret parts are sealed at rest and never answered. */
export const channelSettingsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('wecom'), webhookUrl: httpUrl.describe('the group robot\'s webhook address, key included (…/cgi-bin/webhook/send?key=…)') }),
  z.strictObject({
    kind: z.literal('dingtalk'),
    webhookUrl: httpUrl.describe('the custom robot\'s address with its access token (…/robot/send?access_token=…)'),
    signingSecret: z.string().regex(/^SEC[0-9a-zA-Z]{8,200}$/, 'the robot\'s 加签 secret, starting with SEC').describe('the robot\'s signing secret (加签)'),
  }),
  z.strictObject({ kind: z.literal('email'), address: z.email('an e-mail address').describe('where the mail goes (a person\'s or the office\'s mailbox)') }),
  z.strictObject({
    kind: z.literal('webhook'),
    url: httpUrl.describe('the bureau system that receives Standard Webhooks POSTs'),
    signingSecret: z.string().regex(/^whsec_[A-Za-z0-9+/]{24,}={0,2}$/, 'a Standard Webhooks secret: whsec_ and base64 (at least 18 bytes)'),
  }),
]);
export type ChannelSettings = z.output<typeof channelSettingsSchema>;
export type ChannelKind = ChannelSettings['kind'];

export const digestSchema = z.strictObject({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm').describe('local time of the 每日待办汇总 on working days'),
  zone: z.string().min(1).max(64).optional().describe('IANA zone of that time (default: each plan\'s zone)'),
});

export const createChannelBody = z.strictObject({
  departmentId: idText.describe('the department whose notifications this channel receives'),
  personId: idText.optional().describe('a person\'s own channel (their e-mail) for the department\'s notifications'),
  label: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN').describe('language of the messages'),
  digest: digestSchema.nullable().default(null).describe('null: every message at once; else one 每日待办汇总 a working day (escalations and returns still at once)'),
  ratePerMinute: z.number().int().min(1).max(100_000).optional().describe('messages per minute to this endpoint (robots: 20)'),
  settings: channelSettingsSchema,
});
export type CreateChannelInput = z.output<typeof createChannelBody>;

/** Robots take 20 a minute (WeCom's and DingTalk's documented limits); others are the receiver's concern. */
export const DEFAULT_RATE_PER_MINUTE: Record<ChannelKind, number> = { wecom: 20, dingtalk: 20, email: 600, webhook: 6000 };

/** Splits what may be shown from what is sealed. */
export function splitSettings(settings: ChannelSettings): { shown: Record<string, string>; secret: Record<string, string> } {
  switch (settings.kind) {
    case 'wecom':
      return { shown: { host: new URL(settings.webhookUrl).host }, secret: { webhookUrl: settings.webhookUrl } };
    case 'dingtalk':
      return { shown: { host: new URL(settings.webhookUrl).host }, secret: { webhookUrl: settings.webhookUrl, signingSecret: settings.signingSecret } };
    case 'email':
      return { shown: { address: settings.address }, secret: {} };
    case 'webhook':
      return { shown: { url: settings.url }, secret: { signingSecret: settings.signingSecret } };
  }
}

/** The inverse of `splitSettings`: a stored channel's settings from its shown and (unsealed) secret parts. */
export function joinSettings(kind: ChannelKind, shown: Record<string, string>, secret: Record<string, string>): ChannelSettings {
  switch (kind) {
    case 'wecom':
      return { kind, webhookUrl: secret.webhookUrl };
    case 'dingtalk':
      return { kind, webhookUrl: secret.webhookUrl, signingSecret: secret.signingSecret };
    case 'email':
      return { kind, address: shown.address };
    case 'webhook':
      return { kind, url: shown.url, signingSecret: secret.signingSecret };
  }
}

/** The channel as an admin sees it: no secret, only that one is set. */
export const channelViewSchema = z.object({
  channelId: z.string(),
  departmentId: z.string(),
  personId: z.string().nullable(),
  kind: z.enum(['wecom', 'dingtalk', 'email', 'webhook']),
  label: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  digest: digestSchema.nullable(),
  ratePerMinute: z.number(),
  settings: z.record(z.string(), z.string()),
  secretSet: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type ChannelView = z.output<typeof channelViewSchema>;
