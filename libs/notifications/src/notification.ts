import type { Instant } from '@planledger/domain';

/** What a notification is about; one stable name per kind (stored in the outbox and in delivery events). */
export const NOTIFICATION_KINDS = [
  'assignment-issued', 'reminder-due', 'overdue', 'escalated', 'submitted', 'returned', 'accepted',
  'phase-opened', 'phase-closing', 'phase-closed', 'plan-published', 'plan-amended',
  'bulletin-issued',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Locale = 'zh-CN' | 'en';

/** One piece of work as a message names it. */
export interface WorkItem {
  assignmentId: string;
  title: string;
  dueAt: Instant;
}

/** What an amendment changes for one department. */
export interface DepartmentChanges {
  added: WorkItem[];
  removed: { assignmentId: string; title: string }[];
  redated: { assignmentId: string; title: string; fromDueAt: Instant; toDueAt: Instant }[];
}

/**
 * Everything a message needs, taken from the event and the read models when the outbox row is
 * written: rendering later (in the recipient's language, with the configured link) reads nothing else.
 */
export interface NotificationFacts {
  kind: NotificationKind;
  planId: string;
  planTitle: string;
  /** The plan's zone: due dates and weekdays are written in it. */
  timeZone: string;
  /** Business time of the event. */
  at: Instant;
  /** The department the message goes to, and its name. */
  recipientId: string;
  recipientName: string;
  assignmentId?: string;
  title?: string;
  /** The department holding the work (differs from the recipient for escalations and reviews). */
  holderId?: string;
  holderName?: string;
  dueAt?: Instant;
  daysBefore?: number;
  level?: number;
  daysOverdue?: number;
  reason?: string;
  note?: string;
  phaseId?: string;
  phaseName?: string;
  closesAt?: Instant;
  /** Plan published: the recipient's work in it (first ones by due date) and how many in all. */
  items?: WorkItem[];
  itemCount?: number;
  amendment?: number;
  changes?: DepartmentChanges;
  /** A bulletin (通报) issued (ADR 0025): what it is and the file the link downloads. */
  bulletin?: BulletinNotice;
}

/** What a bulletin's notice names: its title, number and period, and its .docx in the file route. */
export interface BulletinNotice {
  number: string;
  title: string;
  issuedOn: string;
  period: { kind: 'plan' } | { kind: 'phase'; phaseId: string; phaseName?: string } | { kind: 'window'; from: string; to: string };
  /** The .docx's name as `GET /plans/{id}/bulletins/{file}` takes it (URL-encoded in the link). */
  file: string;
}

/** One message to one department, before channels are known. */
export interface DerivedNotification {
  recipientId: string;
  /** Escalations and returns are always sent at once, whatever the recipient's digest choice. */
  urgent: boolean;
  facts: NotificationFacts;
}

/** A rendered message, in the shapes the channels take. */
export interface RenderedMessage {
  /** One line: e-mail subject, DingTalk markdown title, calendar summary. */
  title: string;
  text: string;
  /** WeCom and DingTalk robots. */
  markdown: string;
  html: string;
}

/**
 * Where the record of deliveries lives: `notifications-{planId}.{assignmentId}` for notifications
 * about an assignment (its history and the auditors' export read it beside
 * `assignment-{planId}.{assignmentId}`), `notifications-{planId}` for plan and phase news.
 */
export const notificationStreamOf = (planId: string, assignmentId: string | null): string =>
  assignmentId ? `notifications-${planId}.${assignmentId}` : `notifications-${planId}`;

/** The record's event types (schemaVersion 1): one per attempt's outcome, and an admin's retry. Stored names: never renamed. */
export const NOTIFICATION_RECORD_TYPES = ['NotificationSent', 'NotificationRefused', 'NotificationGivenUp', 'NotificationWithheld', 'NotificationRetryRequested'] as const;
export type NotificationRecordType = (typeof NOTIFICATION_RECORD_TYPES)[number];
export const isNotificationRecordType = (type: string): type is NotificationRecordType => (NOTIFICATION_RECORD_TYPES as readonly string[]).includes(type);

/** What an attempt came to, in one word (history, export): sent, refused (with the channel's error), given-up, withheld, retry-requested. */
export const notificationOutcomeOf = (type: NotificationRecordType): 'sent' | 'refused' | 'given-up' | 'withheld' | 'retry-requested' =>
  ({ NotificationSent: 'sent', NotificationRefused: 'refused', NotificationGivenUp: 'given-up', NotificationWithheld: 'withheld', NotificationRetryRequested: 'retry-requested' } as const)[type];
