import type { DomainEventOf } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';

/** A document kept elsewhere (a URL, an archive number): the only kind v2 events carry. */
export interface ReferenceAttachment {
  ref: string;
  name?: string;
}

/**
 * A file uploaded to planledger (POST /assignments/{id}/files), kept content-addressed by its
 * SHA-256: the event records the hash, so the hash chain covers the document's content.
 */
export interface FileAttachment {
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  name: string;
  /** Bytes. */
  size: number;
  mediaType: string;
}

export type AttachmentRef = ReferenceAttachment | FileAttachment;

export const isFileAttachment = (attachment: AttachmentRef): attachment is FileAttachment => 'sha256' in attachment;

/*
 * Version 2 of every assignment event but AssignmentIssued adds `planId` (v1 named only the
 * assignment; its plan had to be read off the stream name). Stored v1 events are upcast with the
 * plan id of their stream (events/upcast.ts).
 *
 * Version 3 of AssignmentProgressReported and AssignmentSubmitted: an attachment is a reference
 * or an uploaded file (sha256, name, size, mediaType). Every v2 attachment is a reference, so v2
 * data is valid v3 data; the version tells a process of older code that it cannot read the event
 * (rather than it losing the files silently).
 */
export type AssignmentIssued = DomainEventOf<'AssignmentIssued', { planId: string; obligation: Obligation }>;
export type AssignmentAcknowledged = DomainEventOf<'AssignmentAcknowledged', { planId: string; assignmentId: string; departmentId: string }, 2>;
export type AssignmentStarted = DomainEventOf<'AssignmentStarted', { planId: string; assignmentId: string; departmentId: string }, 2>;
export type AssignmentProgressReported = DomainEventOf<
  'AssignmentProgressReported',
  { planId: string; assignmentId: string; departmentId: string; note: string; count: number; totalReported: number; attachments: AttachmentRef[] },
  3
>;
export type AssignmentSubmitted = DomainEventOf<
  'AssignmentSubmitted',
  { planId: string; assignmentId: string; departmentId: string; note: string; attachments: AttachmentRef[]; late: boolean; reviewer: string | null },
  3
>;
/** An intermediate reviewer of the chain approved; the work goes on to the next one. */
export type AssignmentReviewPassed = DomainEventOf<
  'AssignmentReviewPassed',
  { planId: string; assignmentId: string; reviewer: string; nextReviewer: string; note: string },
  2
>;
export type AssignmentReturned = DomainEventOf<'AssignmentReturned', { planId: string; assignmentId: string; reviewer: string | null; reason: string }, 2>;
export type AssignmentAccepted = DomainEventOf<'AssignmentAccepted', { planId: string; assignmentId: string; reviewer: string | null; note: string }, 2>;
export type AssignmentReminderDue = DomainEventOf<
  'AssignmentReminderDue',
  { planId: string; assignmentId: string; departmentId: string; daysBefore: number; dueAt: Instant },
  2
>;
export type AssignmentOverdue = DomainEventOf<'AssignmentOverdue', { planId: string; assignmentId: string; departmentId: string; dueAt: Instant }, 2>;
export type AssignmentEscalated = DomainEventOf<
  'AssignmentEscalated',
  { planId: string; assignmentId: string; departmentId: string; level: number; to: string; dueAt: Instant; daysOverdue: number },
  2
>;
export type AssignmentWaived = DomainEventOf<'AssignmentWaived', { planId: string; assignmentId: string; reason: string }, 2>;
export type AssignmentReassigned = DomainEventOf<
  'AssignmentReassigned',
  { planId: string; assignmentId: string; fromDepartmentId: string; toDepartmentId: string; reason: string },
  2
>;
export type AssignmentCancelled = DomainEventOf<'AssignmentCancelled', { planId: string; assignmentId: string; reason: string }, 2>;
export type AssignmentDeadlineMoved = DomainEventOf<
  'AssignmentDeadlineMoved',
  { planId: string; assignmentId: string; fromDueAt: Instant; toDueAt: Instant; reason: string; overdueCleared: boolean },
  2
>;

export type AssignmentEvent =
  | AssignmentIssued
  | AssignmentAcknowledged
  | AssignmentStarted
  | AssignmentProgressReported
  | AssignmentSubmitted
  | AssignmentReviewPassed
  | AssignmentReturned
  | AssignmentAccepted
  | AssignmentReminderDue
  | AssignmentOverdue
  | AssignmentEscalated
  | AssignmentWaived
  | AssignmentReassigned
  | AssignmentCancelled
  | AssignmentDeadlineMoved;
