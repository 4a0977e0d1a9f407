import type { DomainEventOf } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';

export interface AttachmentRef {
  ref: string;
  name?: string;
}

/*
 * Version 2 of every assignment event but AssignmentIssued adds `planId` (v1 named only the
 * assignment; its plan had to be read off the stream name). Stored v1 events are upcast with the
 * plan id of their stream (events/upcast.ts).
 */
export type AssignmentIssued = DomainEventOf<'AssignmentIssued', { planId: string; obligation: Obligation }>;
export type AssignmentAcknowledged = DomainEventOf<'AssignmentAcknowledged', { planId: string; assignmentId: string; departmentId: string }, 2>;
export type AssignmentStarted = DomainEventOf<'AssignmentStarted', { planId: string; assignmentId: string; departmentId: string }, 2>;
export type AssignmentProgressReported = DomainEventOf<
  'AssignmentProgressReported',
  { planId: string; assignmentId: string; departmentId: string; note: string; count: number; totalReported: number; attachments: AttachmentRef[] },
  2
>;
export type AssignmentSubmitted = DomainEventOf<
  'AssignmentSubmitted',
  { planId: string; assignmentId: string; departmentId: string; note: string; attachments: AttachmentRef[]; late: boolean; reviewer: string | null },
  2
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
