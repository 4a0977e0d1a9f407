import { allowedAssignmentCommands, type AssignmentStatus } from '@planledger/domain';
import { iso } from '../sql/iso';

/** One assignment as the API shows it: plain JSON, instants as ISO-8601 UTC strings. */
export interface AssignmentView {
  planId: string;
  assignmentId: string;
  /** `${planId}.${assignmentId}`: unique across plans (assignment ids are unique only per plan). */
  ref: string;
  measureId: string;
  title: string;
  phaseId: string | null;
  departmentId: string;
  responsibility: string;
  periodKey: string;
  status: AssignmentStatus;
  issueAt: string;
  dueAt: string;
  issuedAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  overdueSince: string | null;
  escalationLevel: number;
  remindersSent: number;
  lastEventAt: string;
  /** The commands a person may give now (for buttons and 409 answers). */
  allowedActions: string[];
}

export interface AssignmentRow {
  plan_id: string;
  assignment_id: string;
  measure_id: string;
  title: string;
  phase_id: string | null;
  department_id: string;
  responsibility: string;
  period_key: string;
  status: string;
  issue_at: string;
  due_at: string;
  issued_at: string;
  submitted_at: string | null;
  accepted_at: string | null;
  overdue_since: string | null;
  escalation_level: number;
  reminders_sent: number;
  last_event_at: string;
}

/** The select list for AssignmentRow from `read_assignments a`. */
export const ASSIGNMENT_COLUMNS = [
  'a.plan_id', 'a.assignment_id', 'a.measure_id', 'a.title', 'a.phase_id', 'a.department_id', 'a.responsibility', 'a.period_key', 'a.status',
  iso('a.issue_at'), iso('a.due_at'), iso('a.issued_at'), iso('a.submitted_at'), iso('a.accepted_at'), iso('a.overdue_since'),
  'a.escalation_level', 'a.reminders_sent', iso('a.last_event_at'),
].join(', ');

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  const status = row.status as AssignmentStatus;
  return {
    planId: row.plan_id,
    assignmentId: row.assignment_id,
    ref: `${row.plan_id}.${row.assignment_id}`,
    measureId: row.measure_id,
    title: row.title,
    phaseId: row.phase_id,
    departmentId: row.department_id,
    responsibility: row.responsibility,
    periodKey: row.period_key,
    status,
    issueAt: row.issue_at,
    dueAt: row.due_at,
    issuedAt: row.issued_at,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    overdueSince: row.overdue_since,
    escalationLevel: Number(row.escalation_level),
    remindersSent: Number(row.reminders_sent),
    lastEventAt: row.last_event_at,
    allowedActions: allowedAssignmentCommands(status),
  };
}
