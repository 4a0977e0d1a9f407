import { accept, nothingToDo, reject, type Decider, type Decision } from '../shared/decider';
import { DAY_MS, isBefore, toMillis } from '../shared/time';
import { currentSchemaVersions } from '../events/planledger-event';
import type { AssignmentCommand } from './assignment.commands';
import { isFileAttachment, type AssignmentEvent, type AttachmentRef } from './assignment.events';
import { initialAssignmentState, type AssignmentState } from './assignment.state';
import { allowedAssignmentCommands, assignmentTransitions, owingStatuses } from './assignment.transitions';
import { reviewChainOf } from './review-chain';

type Emit = <T extends AssignmentEvent['type']>(type: T, data: Extract<AssignmentEvent, { type: T }>['data']) => Decision<AssignmentEvent>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The first attachment the event could not record as a file: its field and why. */
function attachmentProblem(attachments: readonly AttachmentRef[] | undefined): { field: string; message: string } | undefined {
  for (const [i, attachment] of (attachments ?? []).entries()) {
    if (!isFileAttachment(attachment)) continue;
    if (!SHA256_HEX.test(attachment.sha256)) return { field: `attachments[${i}].sha256`, message: 'a file is named by its SHA-256 in lower-case hex (64 characters)' };
    if (!Number.isSafeInteger(attachment.size) || attachment.size < 0) return { field: `attachments[${i}].size`, message: 'a file size is a whole number of bytes' };
    if (!attachment.name.trim()) return { field: `attachments[${i}].name`, message: 'a file needs a name' };
  }
  return undefined;
}

export function decideAssignment(command: AssignmentCommand, state: AssignmentState): Decision<AssignmentEvent> {
  const { at, actor } = command.metadata;
  const emit: Emit = (type, data) => accept({ type, schemaVersion: currentSchemaVersions[type], at, actor, data } as AssignmentEvent);
  // Every event names its plan (AssignmentIssued from the command, the others from the state).
  const id = command.type === 'IssueAssignment' ? command.data.obligation.assignmentId : command.data.assignmentId;
  const owing = owingStatuses.includes(state.status);

  if (command.type === 'IssueAssignment') {
    // Issuing twice (a timer fired again, an amendment re-issuing) is a no-op, not an error.
    return state.status === 'not_issued' ? emit('AssignmentIssued', { planId: command.data.planId, obligation: command.data.obligation }) : nothingToDo();
  }
  if (state.status === 'not_issued') {
    if (command.type === 'SendReminder' || command.type === 'MarkOverdue' || command.type === 'EscalateAssignment') return nothingToDo();
    return reject({ code: 'not_found', aggregate: 'assignment', id, message: `assignment ${id} has not been issued` });
  }

  // A standing duty (常态化) has no deadline: a reminder, overdue or escalation command decides nothing.
  const standing = state.obligation?.standing === true;
  switch (command.type) {
    case 'SendReminder': {
      // A reminder timer left from an earlier deadline arrives too early for the new one: nothing.
      const atMs = toMillis(at);
      const dueMs = toMillis(state.dueAt);
      if (!owing || standing || state.remindersSent.includes(command.data.daysBefore) || atMs >= dueMs) return nothingToDo();
      if (atMs < dueMs - command.data.daysBefore * DAY_MS) return nothingToDo();
      return emit('AssignmentReminderDue', { planId: state.planId, assignmentId: id, departmentId: state.departmentId, daysBefore: command.data.daysBefore, dueAt: state.dueAt });
    }
    case 'MarkOverdue':
      if (!owing || standing || state.overdueSince || isBefore(at, state.dueAt)) return nothingToDo();
      return emit('AssignmentOverdue', { planId: state.planId, assignmentId: id, departmentId: state.departmentId, dueAt: state.dueAt });
    case 'EscalateAssignment': {
      const policy = state.obligation?.escalation[command.data.level - 1];
      // Levels go in order: level N only once level N-1 is reached (a late or reordered timer
      // for a higher level must not skip the lower one), and never twice.
      if (!owing || standing || !state.overdueSince || !policy || command.data.level !== state.escalationLevel + 1) return nothingToDo();
      const overdueMs = toMillis(at) - toMillis(state.dueAt);
      if (overdueMs < policy.afterDays * DAY_MS) return nothingToDo();
      const daysOverdue = Math.floor(overdueMs / DAY_MS);
      return emit('AssignmentEscalated', { planId: state.planId, assignmentId: id, departmentId: state.departmentId, level: command.data.level, to: policy.to, dueAt: state.dueAt, daysOverdue });
    }
  }

  const next = assignmentTransitions[state.status][command.type];
  if (next === undefined) {
    return reject({
      code: 'invalid_transition',
      aggregate: 'assignment',
      id,
      status: state.status,
      command: command.type,
      allowed: allowedAssignmentCommands(state.status),
      message: `cannot ${command.type} assignment ${id} while it is ${state.status}`,
    });
  }

  const invalid = (field: string, message: string) => reject<AssignmentEvent>({ code: 'invalid_command', aggregate: 'assignment', id, field, message });
  // The review chain is read by three commands only: built for those (deciding runs for every event of a simulation).
  const chain = (): string[] => reviewChainOf(state.obligation);

  switch (command.type) {
    case 'AcknowledgeAssignment':
      return emit('AssignmentAcknowledged', { planId: state.planId, assignmentId: id, departmentId: state.departmentId });
    case 'StartAssignment':
      return emit('AssignmentStarted', { planId: state.planId, assignmentId: id, departmentId: state.departmentId });
    case 'ReportProgress': {
      const badFile = attachmentProblem(command.data.attachments);
      if (badFile) return invalid(badFile.field, badFile.message);
      const count = command.data.count ?? 1;
      if (!Number.isInteger(count) || count < 1) return invalid('count', 'count must be a whole number of at least 1');
      return emit('AssignmentProgressReported', {
        planId: state.planId, assignmentId: id, departmentId: state.departmentId, note: command.data.note ?? '', count,
        totalReported: state.progressCount + count, attachments: command.data.attachments ?? [],
      });
    }
    case 'SubmitAssignment': {
      const badFile = attachmentProblem(command.data.attachments);
      if (badFile) return invalid(badFile.field, badFile.message);
      return emit('AssignmentSubmitted', {
        planId: state.planId, assignmentId: id, departmentId: state.departmentId, note: command.data.note ?? '', attachments: command.data.attachments ?? [],
        late: state.obligation?.standing !== true && isBefore(state.dueAt, at), reviewer: chain()[0] ?? null,
      });
    }
    case 'AcceptAssignment': {
      const reviewers = chain();
      const reviewer = reviewers[state.reviewStep] ?? null;
      const nextReviewer = reviewers[state.reviewStep + 1];
      if (nextReviewer) return emit('AssignmentReviewPassed', { planId: state.planId, assignmentId: id, reviewer: reviewer ?? '', nextReviewer, note: command.data.note ?? '' });
      return emit('AssignmentAccepted', { planId: state.planId, assignmentId: id, reviewer, note: command.data.note ?? '' });
    }
    case 'ReturnAssignment':
      if (!command.data.reason?.trim()) return invalid('reason', 'a return needs a reason the department can act on');
      return emit('AssignmentReturned', { planId: state.planId, assignmentId: id, reviewer: chain()[state.reviewStep] ?? null, reason: command.data.reason });
    case 'ReassignAssignment':
      if (!command.data.toDepartmentId?.trim()) return invalid('toDepartmentId', 'name the department that takes the work over');
      if (command.data.toDepartmentId === state.departmentId) return invalid('toDepartmentId', `assignment ${id} already belongs to ${state.departmentId}`);
      return emit('AssignmentReassigned', { planId: state.planId, assignmentId: id, fromDepartmentId: state.departmentId, toDepartmentId: command.data.toDepartmentId, reason: command.data.reason ?? '' });
    case 'WaiveAssignment':
      if (!command.data.reason?.trim()) return invalid('reason', 'a waiver needs a reason');
      return emit('AssignmentWaived', { planId: state.planId, assignmentId: id, reason: command.data.reason });
    case 'CancelAssignment':
      return emit('AssignmentCancelled', { planId: state.planId, assignmentId: id, reason: command.data.reason ?? '' });
    case 'MoveDeadline': {
      if (Number.isNaN(Date.parse(command.data.dueAt))) return invalid('dueAt', `not an ISO-8601 instant: ${command.data.dueAt}`);
      if (toMillis(command.data.dueAt) === toMillis(state.dueAt)) return nothingToDo();
      const overdueCleared = Boolean(state.overdueSince) && isBefore(at, command.data.dueAt);
      return emit('AssignmentDeadlineMoved', { planId: state.planId, assignmentId: id, fromDueAt: state.dueAt, toDueAt: command.data.dueAt, reason: command.data.reason ?? '', overdueCleared });
    }
  }
  return nothingToDo();
}

export function evolveAssignment(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  switch (event.type) {
    case 'AssignmentIssued': {
      const o = event.data.obligation;
      return { ...initialAssignmentState(), status: 'issued', assignmentId: o.assignmentId, planId: event.data.planId, obligation: o, departmentId: o.departmentId, dueAt: o.dueAt };
    }
    case 'AssignmentAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'AssignmentStarted':
      return { ...state, status: 'in_progress' };
    case 'AssignmentProgressReported':
      return { ...state, status: 'in_progress', progressCount: event.data.totalReported };
    case 'AssignmentSubmitted':
      return { ...state, status: 'submitted', reviewStep: 0, submittedAt: event.at };
    case 'AssignmentReviewPassed':
      return { ...state, reviewStep: state.reviewStep + 1 };
    case 'AssignmentReturned':
      return { ...state, status: 'returned', reviewStep: 0 };
    case 'AssignmentAccepted':
      return { ...state, status: 'accepted', acceptedAt: event.at };
    case 'AssignmentReminderDue':
      return { ...state, remindersSent: [...state.remindersSent, event.data.daysBefore] };
    case 'AssignmentOverdue':
      return { ...state, overdueSince: event.at };
    case 'AssignmentEscalated':
      return { ...state, escalationLevel: event.data.level };
    case 'AssignmentWaived':
      return { ...state, status: 'waived' };
    case 'AssignmentReassigned':
      return { ...state, status: 'issued', departmentId: event.data.toDepartmentId };
    case 'AssignmentCancelled':
      return { ...state, status: 'cancelled' };
    case 'AssignmentDeadlineMoved':
      // A new deadline earns new reminders; a cleared overdue mark also clears its escalations.
      return event.data.overdueCleared
        ? { ...state, dueAt: event.data.toDueAt, remindersSent: [], overdueSince: undefined, escalationLevel: 0 }
        : { ...state, dueAt: event.data.toDueAt, remindersSent: [] };
  }
}

export const assignmentDecider: Decider<AssignmentCommand, AssignmentEvent, AssignmentState> = {
  initialState: initialAssignmentState,
  decide: decideAssignment,
  evolve: evolveAssignment,
};
