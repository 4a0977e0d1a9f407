import type { AssignmentCommandType } from './assignment.commands';

export type AssignmentStatus =
  | 'not_issued'
  | 'issued'
  | 'acknowledged'
  | 'in_progress'
  | 'submitted'
  | 'returned'
  | 'accepted'
  | 'waived'
  | 'cancelled';

/**
 * The assignment lifecycle in one table: for each status, the commands a person may give
 * and the status that follows. `same` keeps the status (progress reports, intermediate
 * review steps, deadline moves). Timer commands (reminder, overdue, escalation) never change
 * the status: they are flags beside it, allowed only in the statuses listed in `timerStatuses`.
 */
type Next = AssignmentStatus | 'same' | 'review';

export const assignmentTransitions: Record<AssignmentStatus, Partial<Record<AssignmentCommandType, Next>>> = {
  not_issued: { IssueAssignment: 'issued' },
  issued: {
    AcknowledgeAssignment: 'acknowledged',
    StartAssignment: 'in_progress',
    ReportProgress: 'in_progress',
    SubmitAssignment: 'submitted',
    ReassignAssignment: 'issued',
    WaiveAssignment: 'waived',
    CancelAssignment: 'cancelled',
    MoveDeadline: 'same',
  },
  acknowledged: {
    StartAssignment: 'in_progress',
    ReportProgress: 'in_progress',
    SubmitAssignment: 'submitted',
    ReassignAssignment: 'issued',
    WaiveAssignment: 'waived',
    CancelAssignment: 'cancelled',
    MoveDeadline: 'same',
  },
  in_progress: {
    ReportProgress: 'same',
    SubmitAssignment: 'submitted',
    ReassignAssignment: 'issued',
    WaiveAssignment: 'waived',
    CancelAssignment: 'cancelled',
    MoveDeadline: 'same',
  },
  submitted: {
    AcceptAssignment: 'review',
    ReturnAssignment: 'returned',
    WaiveAssignment: 'waived',
    CancelAssignment: 'cancelled',
    MoveDeadline: 'same',
  },
  returned: {
    StartAssignment: 'in_progress',
    ReportProgress: 'in_progress',
    SubmitAssignment: 'submitted',
    ReassignAssignment: 'issued',
    WaiveAssignment: 'waived',
    CancelAssignment: 'cancelled',
    MoveDeadline: 'same',
  },
  accepted: {},
  waived: {},
  cancelled: {},
};

/** Statuses in which the department still owes work: reminders, overdue marks and escalations apply. */
export const owingStatuses: readonly AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress', 'returned'];
export const terminalStatuses: readonly AssignmentStatus[] = ['accepted', 'waived', 'cancelled'];

export const timerCommands: readonly AssignmentCommandType[] = ['IssueAssignment', 'SendReminder', 'MarkOverdue', 'EscalateAssignment'];

/** The actions a person can take now, for 409 answers and for the inbox. */
export const allowedAssignmentCommands = (status: AssignmentStatus): AssignmentCommandType[] =>
  Object.keys(assignmentTransitions[status]) as AssignmentCommandType[];
