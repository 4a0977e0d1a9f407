import type { AssignmentState } from '../assignment/assignment.state';
import { owingStatuses } from '../assignment/assignment.transitions';
import { addDays, isBefore } from '../shared/time';
import { timerId, type Timer } from './timer';

/**
 * The timers an issued assignment still needs: reminders not yet sent (none dated before the
 * issue), the overdue mark, and the escalation levels not yet reached. Work no longer owed
 * (submitted, accepted, waived, cancelled) needs none; a timer fired anyway decides nothing.
 */
export function timersForAssignment(state: AssignmentState): Timer[] {
  const o = state.obligation;
  if (!o || !owingStatuses.includes(state.status)) return [];
  const { planId, assignmentId, dueAt } = state;
  const subject = `${planId}.${assignmentId}`;
  const target = { aggregate: 'assignment' as const, planId, assignmentId };
  const timers: Timer[] = [];

  for (const daysBefore of o.remindDaysBefore) {
    const at = addDays(dueAt, -daysBefore);
    if (state.remindersSent.includes(daysBefore) || isBefore(at, o.issueAt)) continue;
    timers.push({ timerId: timerId('reminder', `${subject}.d${daysBefore}`, at), kind: 'reminder', dueAt: at, planId, target, command: { type: 'SendReminder', data: { assignmentId, daysBefore } } });
  }
  if (!state.overdueSince) {
    timers.push({ timerId: timerId('overdue', subject, dueAt), kind: 'overdue', dueAt, planId, target, command: { type: 'MarkOverdue', data: { assignmentId } } });
  }
  o.escalation.forEach((level, index) => {
    const levelNo = index + 1;
    if (levelNo <= state.escalationLevel) return;
    const at = addDays(dueAt, level.afterDays);
    timers.push({ timerId: timerId('escalation', `${subject}.l${levelNo}`, at), kind: 'escalation', dueAt: at, planId, target, command: { type: 'EscalateAssignment', data: { assignmentId, level: levelNo } } });
  });
  return timers;
}
