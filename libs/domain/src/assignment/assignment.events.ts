import type { DomainEventOf } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';

export interface AttachmentRef {
  ref: string;
  name?: string;
}

export type AssignmentIssued = DomainEventOf<'AssignmentIssued', { planId: string; obligation: Obligation }>;
export type AssignmentAcknowledged = DomainEventOf<'AssignmentAcknowledged', { assignmentId: string; departmentId: string }>;
export type AssignmentStarted = DomainEventOf<'AssignmentStarted', { assignmentId: string; departmentId: string }>;
export type AssignmentProgressReported = DomainEventOf<
  'AssignmentProgressReported',
  { assignmentId: string; departmentId: string; note: string; count: number; totalReported: number; attachments: AttachmentRef[] }
>;
export type AssignmentSubmitted = DomainEventOf<
  'AssignmentSubmitted',
  { assignmentId: string; departmentId: string; note: string; attachments: AttachmentRef[]; late: boolean; reviewer: string | null }
>;
/** An intermediate reviewer of the chain approved; the work goes on to the next one. */
export type AssignmentReviewPassed = DomainEventOf<
  'AssignmentReviewPassed',
  { assignmentId: string; reviewer: string; nextReviewer: string; note: string }
>;
export type AssignmentReturned = DomainEventOf<'AssignmentReturned', { assignmentId: string; reviewer: string | null; reason: string }>;
export type AssignmentAccepted = DomainEventOf<'AssignmentAccepted', { assignmentId: string; reviewer: string | null; note: string }>;
export type AssignmentReminderDue = DomainEventOf<
  'AssignmentReminderDue',
  { assignmentId: string; departmentId: string; daysBefore: number; dueAt: Instant }
>;
export type AssignmentOverdue = DomainEventOf<'AssignmentOverdue', { assignmentId: string; departmentId: string; dueAt: Instant }>;
export type AssignmentEscalated = DomainEventOf<
  'AssignmentEscalated',
  { assignmentId: string; departmentId: string; level: number; to: string; dueAt: Instant; daysOverdue: number }
>;
export type AssignmentWaived = DomainEventOf<'AssignmentWaived', { assignmentId: string; reason: string }>;
export type AssignmentReassigned = DomainEventOf<
  'AssignmentReassigned',
  { assignmentId: string; fromDepartmentId: string; toDepartmentId: string; reason: string }
>;
export type AssignmentCancelled = DomainEventOf<'AssignmentCancelled', { assignmentId: string; reason: string }>;
export type AssignmentDeadlineMoved = DomainEventOf<
  'AssignmentDeadlineMoved',
  { assignmentId: string; fromDueAt: Instant; toDueAt: Instant; reason: string; overdueCleared: boolean }
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
