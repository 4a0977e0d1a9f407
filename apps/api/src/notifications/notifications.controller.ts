import { Controller, Inject } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import {
  CHANNEL_STORE, NOTIFICATION_CONFIG, NotificationKeyMissingError, OUTBOX_STORE, deliveryStreamOf, recordDelivery,
  type ChannelStore, type ChannelView, type DeliveryEventData, type NotificationConfig, type OutboxRow, type OutboxStore,
} from '@planledger/notification-delivery';
import { renderMessage } from '@planledger/notifications';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import type { z } from 'zod';
import { Acting } from '../actor/request-actor';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import type { attemptSchema, outboxItemSchema } from './notification-schemas';

type OutboxItem = z.output<typeof outboxItemSchema>;
type Attempt = z.output<typeof attemptSchema>;

/** Channels (admins), the outbox viewer and dead letters, and "what was sent to department X about assignment Y". */
@Controller()
export class NotificationsController {
  constructor(
    @Inject(CHANNEL_STORE) private readonly channels: ChannelStore,
    @Inject(OUTBOX_STORE) private readonly outbox: OutboxStore,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('createNotificationChannel')
  async create(@Valid('createNotificationChannel') { body }: RequestOf<'createNotificationChannel'>) {
    try {
      return await this.channels.create(body);
    } catch (error) {
      if (error instanceof NotificationKeyMissingError) throw new ApiError(503, { error: 'unavailable', message: error.message });
      throw error;
    }
  }

  @Route('listNotificationChannels')
  async list(@Valid('listNotificationChannels') { query }: RequestOf<'listNotificationChannels'>) {
    return { channels: await this.channels.list({ departmentId: query.department }) };
  }

  @Route('disableNotificationChannel')
  async disable(@Valid('disableNotificationChannel') { params }: RequestOf<'disableNotificationChannel'>) {
    const channel = await this.channels.disable(params.id);
    if (!channel) throw new ApiError(404, { error: 'not_found', message: `notification channel ${params.id} not found` });
    return channel;
  }

  @Route('notificationOutbox')
  async viewer(@Valid('notificationOutbox') { query }: RequestOf<'notificationOutbox'>) {
    const rows = await this.outbox.list({ status: query.status, recipientId: query.department, limit: query.limit });
    return { items: await this.items(rows) };
  }

  @Route('notificationDeadLetters')
  async deadLetters() {
    return { items: await this.items(await this.outbox.list({ status: ['dead'], limit: 500 })) };
  }

  @Route('retryNotification')
  async retry(@Valid('retryNotification') { params, correlationId }: RequestOf<'retryNotification'>, @Acting() actor: Actor) {
    const now = await this.clock.now();
    const row = await this.outbox.retry(params.id, now);
    if (!row) {
      const existing = await this.outbox.get(params.id);
      if (!existing) throw new ApiError(404, { error: 'not_found', message: `notification ${params.id} not found` });
      throw new ApiError(409, { error: 'not_dead', message: `notification ${params.id} is ${existing.status}: only given-up notifications are retried`, status: existing.status });
    }
    await recordDelivery(this.storage.store, {
      type: 'NotificationRetryRequested', at: now, actor, key: `${row.outboxId}/${row.attempts}/retry/${now.getTime()}/${correlationId}`,
      data: { ...eventData(row), attempt: row.attempts },
    });
    const [item] = await this.items([row]);
    return item;
  }

  @Route('departmentNotifications')
  async sentTo(@Valid('departmentNotifications') { params, query }: RequestOf<'departmentNotifications'>) {
    if (!query.assignment) {
      const rows = await this.outbox.list({ recipientId: params.id, planId: query.planId, limit: 500 });
      return { departmentId: params.id, planId: query.planId ?? null, assignmentId: null, notifications: await this.items(rows), attempts: [] };
    }
    const planId = query.planId ?? (await this.planOf(query.assignment));
    const rows = await this.outbox.list({ recipientId: params.id, planId, assignmentId: query.assignment, limit: 500 });
    const attempts: Attempt[] = [];
    for await (const event of this.storage.store.readStream(deliveryStreamOf(planId, query.assignment))) {
      const data = event.data as DeliveryEventData;
      if (data.recipientId !== params.id) continue;
      attempts.push({
        type: event.type, at: event.metadata.businessTime ?? event.recordedAt.toISOString(), recordedAt: event.recordedAt.toISOString(),
        outboxId: data.outboxId, channelId: data.channelId, channelKind: data.channelKind, kind: data.kind, attempt: data.attempt,
        detail: data.detail ?? null, error: data.error ?? null, title: data.title ?? null,
      });
    }
    return { departmentId: params.id, planId, assignmentId: query.assignment, notifications: await this.items(rows.reverse()), attempts };
  }

  /** The plan holding an assignment id, from the read models; ambiguous ids need ?planId=. */
  private async planOf(assignmentId: string): Promise<string> {
    const rows = await this.storage.database.query<{ plan_id: string }>('select plan_id from read_assignments where assignment_id = $1 order by plan_id', [assignmentId]);
    if (rows.length === 0) throw new ApiError(404, { error: 'not_found', message: `assignment ${assignmentId} not found` });
    if (rows.length > 1) throw new ApiError(400, { error: 'ambiguous_assignment', message: `assignment ${assignmentId} is in several plans: add ?planId=`, plans: rows.map((r) => r.plan_id) });
    return rows[0].plan_id;
  }

  /** Each row as the recipient reads it: rendered in its channel's language, with the configured link. */
  private async items(rows: OutboxRow[]): Promise<OutboxItem[]> {
    const channels = new Map<string, ChannelView>((await this.channels.list()).map((c) => [c.channelId, c]));
    return rows.map((row) => {
      const message = renderMessage(row.facts, { locale: channels.get(row.channelId)?.locale ?? 'zh-CN', publicUrl: this.config.PUBLIC_URL });
      return {
        outboxId: row.outboxId, status: row.status, kind: row.kind, urgent: row.urgent, planId: row.planId, assignmentId: row.assignmentId,
        recipientId: row.recipientId, channelId: row.channelId, channelKind: row.channelKind, attempts: row.attempts, eventAt: row.eventAt,
        dueAt: row.dueAt, digestAt: row.digestAt, deliveredAt: row.deliveredAt, lastError: row.lastError, message: { title: message.title, text: message.text },
      };
    });
  }
}

const eventData = (row: OutboxRow): DeliveryEventData => ({
  outboxId: row.outboxId, causeEventId: row.eventId, planId: row.planId, assignmentId: row.assignmentId, recipientId: row.recipientId,
  channelId: row.channelId, channelKind: row.channelKind, kind: row.kind, attempt: row.attempts,
});
