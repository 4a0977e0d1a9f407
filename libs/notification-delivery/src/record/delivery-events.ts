import { deterministicEventId } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { NOTIFICATION_RECORD_TYPES, notificationStreamOf, type NotificationRecordType } from '@planledger/notifications';

/** Stable event names (schemaVersion 1): one per attempt outcome, and the admin's retry. */
export const DELIVERY_EVENT_TYPES = NOTIFICATION_RECORD_TYPES;
export type DeliveryEventType = NotificationRecordType;

export interface DeliveryEventData {
  outboxId: string;
  /** The event the notification was derived from. */
  causeEventId: string;
  planId: string;
  assignmentId: string | null;
  recipientId: string;
  channelId: string;
  channelKind: string;
  kind: string;
  attempt: number;
  /** What was (or would have been) sent. */
  title?: string;
  text?: string;
  /** The channel's answer: "HTTP 200", "WeCom errcode 45009: …", "SMTP 250 …". */
  detail?: string;
  error?: string;
  retryAt?: string;
  /** Digest rows sent in the same message. */
  digestOf?: string[];
}

/**
 * `notifications-{planId}.{assignmentId}` for notifications about an assignment (the assignment's
 * history shows it beside `assignment-{planId}.{assignmentId}`), `notifications-{planId}` for plan and phase news.
 */
export const deliveryStreamOf = notificationStreamOf;

export interface DeliveryRecord {
  type: DeliveryEventType;
  data: DeliveryEventData;
  /** Business time of the attempt (the service clock). */
  at: Date;
  actor?: { userId: string; role: string };
  /** Makes the event id: the same attempt recorded twice is one event. */
  key: string;
}

/** Appends one attempt's outcome. Idempotent: the event id derives from the row, the attempt and the outcome. */
export async function recordDelivery(store: EventStore, record: DeliveryRecord): Promise<void> {
  const { data } = record;
  await store.append(deliveryStreamOf(data.planId, data.assignmentId), [{
    eventId: deterministicEventId(`notification/${record.key}`),
    type: record.type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: record.actor ?? { userId: 'system-notifications', role: 'system' },
      businessTime: record.at.toISOString(),
      correlationId: `notification/${data.outboxId}`,
      causationId: data.causeEventId,
    },
  }], 'any');
}
