import type { Command } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';
import type { AttachmentRef } from './assignment.events';

// People's commands.
export type AcknowledgeAssignment = Command<'AcknowledgeAssignment', { assignmentId: string }>;
export type StartAssignment = Command<'StartAssignment', { assignmentId: string }>;
export type ReportProgress = Command<'ReportProgress', { assignmentId: string; note: string; count?: number; attachments?: AttachmentRef[] }>;
export type SubmitAssignment = Command<'SubmitAssignment', { assignmentId: string; note: string; attachments?: AttachmentRef[] }>;
export type ReturnAssignment = Command<'ReturnAssignment', { assignmentId: string; reason: string }>;
export type AcceptAssignment = Command<'AcceptAssignment', { assignmentId: string; note?: string }>;
export type ReassignAssignment = Command<'ReassignAssignment', { assignmentId: string; toDepartmentId: string; reason: string }>;
export type WaiveAssignment = Command<'WaiveAssignment', { assignmentId: string; reason: string }>;

// The engine's commands: timers and amendments. A timer that has been passed by decides nothing.
export type IssueAssignment = Command<'IssueAssignment', { planId: string; obligation: Obligation }>;
export type SendReminder = Command<'SendReminder', { assignmentId: string; daysBefore: number }>;
export type MarkOverdue = Command<'MarkOverdue', { assignmentId: string }>;
export type EscalateAssignment = Command<'EscalateAssignment', { assignmentId: string; level: number }>;
export type CancelAssignment = Command<'CancelAssignment', { assignmentId: string; reason: string }>;
export type MoveDeadline = Command<'MoveDeadline', { assignmentId: string; dueAt: Instant; reason: string }>;

export type AssignmentCommand =
  | AcknowledgeAssignment
  | StartAssignment
  | ReportProgress
  | SubmitAssignment
  | ReturnAssignment
  | AcceptAssignment
  | ReassignAssignment
  | WaiveAssignment
  | IssueAssignment
  | SendReminder
  | MarkOverdue
  | EscalateAssignment
  | CancelAssignment
  | MoveDeadline;

export type AssignmentCommandType = AssignmentCommand['type'];
