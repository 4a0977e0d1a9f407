import { z } from 'zod';
import { channelViewSchema, createChannelBody } from '@planledger/notification-delivery';

/** Request and answer schemas of the notification routes (the route table points here). */
export { createChannelBody };

const channelId = z.string().regex(/^ch-[0-9a-f-]{36}$/, 'a channel id (ch-…)');
const outboxId = z.string().regex(/^n[0-9a-f]{40}$/, 'an outbox id (n…)');
const departmentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a department id');
const statuses = ['pending', 'sending', 'sent', 'dead', 'withheld'] as const;

export const channelParams = z.strictObject({ id: channelId });
export const outboxParams = z.strictObject({ id: outboxId });
export const listChannelsQuery = z.strictObject({ department: departmentId.optional() });
export const outboxQuery = z.strictObject({
  status: z.string().transform((v) => v.split(',')).pipe(z.array(z.enum(statuses))).optional().describe(`comma-separated: ${statuses.join(', ')}`),
  department: departmentId.optional().describe('the receiving department'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const sentQuery = z.strictObject({
  assignment: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'an assignment id').optional()
    .describe('the assignment the notifications are about (with its attempts from the record); without it, the latest 500 notifications to the department'),
  planId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a plan id').optional().describe('needed only when several plans hold the assignment id'),
});

export const channelAnswer = channelViewSchema;
export const channelListAnswer = z.object({ channels: z.array(channelViewSchema) });

const messageSchema = z.object({ title: z.string(), text: z.string() });
export const outboxItemSchema = z.object({
  outboxId: z.string(),
  status: z.enum(statuses),
  kind: z.string(),
  urgent: z.boolean(),
  planId: z.string(),
  assignmentId: z.string().nullable(),
  recipientId: z.string(),
  channelId: z.string(),
  channelKind: z.string(),
  attempts: z.number(),
  eventAt: z.string().describe('business time of the event the notification comes from'),
  dueAt: z.string().describe('next attempt (business time)'),
  digestAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  message: messageSchema.describe('what is (or would be) sent, in the channel\'s language'),
});
export const outboxAnswer = z.object({ items: z.array(outboxItemSchema) });

export const attemptSchema = z.object({
  type: z.string().describe('NotificationSent, NotificationRefused, NotificationGivenUp, NotificationWithheld, NotificationRetryRequested'),
  at: z.string().describe('business time'),
  recordedAt: z.string(),
  outboxId: z.string(),
  channelId: z.string(),
  channelKind: z.string(),
  kind: z.string(),
  attempt: z.number(),
  detail: z.string().nullable(),
  error: z.string().nullable(),
  title: z.string().nullable(),
});
export const sentAnswer = z.object({
  departmentId: z.string(),
  planId: z.string().nullable(),
  assignmentId: z.string().nullable(),
  notifications: z.array(outboxItemSchema),
  attempts: z.array(attemptSchema).describe('with an assignment: every attempt and its outcome, from the record, oldest first'),
});

export const createFeedBody = z.union([
  z.strictObject({ departmentId: departmentId.describe('every open deadline of this department') }),
  z.strictObject({ personId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a person id').describe('every open deadline of the departments this person belongs to') }),
]);
export const feedParams = z.strictObject({ id: z.string().regex(/^cal-[0-9a-f-]{36}$/, 'a feed id (cal-…)') });
export const feedTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'a feed token').describe('the secret part of the feed address') });
const feedSchema = z.object({ feedId: z.string(), departmentId: z.string().nullable(), personId: z.string().nullable(), createdAt: z.string(), revokedAt: z.string().nullable() });
export const createdFeedAnswer = z.object({ feed: feedSchema, url: z.string().describe('the secret address to subscribe to (shown once)') });
export const feedAnswer = feedSchema;
