import type { AssignmentState } from '../assignment/assignment.state';
import { owingStatuses } from '../assignment/assignment.transitions';
import { DAY_MS, instantOf, toMillis } from '../shared/time';
import type { Timer, TimerKind } from './timer';

/** As `timerId`, from epoch ms already at hand (this runs for every issued assignment). */
const idAt = (kind: TimerKind, subject: string, atMs: number): string => `${kind}.${subject}.${atMs}`;

/**
 * The timers an issued assignment still needs: reminders not yet sent (none dated before the
 * issue), the overdue mark, and the escalation levels not yet reached. Work no longer owed
 * (submitted, accepted, waived, cancelled) needs none; a timer fired anyway decides nothing.
 */
export function timersForAssignment(state: AssignmentState): Timer[] {
  const o = state.obligation;
  // A standing duty (常态化) has no deadline: nothing to remind of, mark overdue or escalate.
  if (!o || o.standing || !owingStatuses.includes(state.status)) return [];
  const { planId, assignmentId, dueAt } = state;
  const subject = `${planId}.${assignmentId}`;
  const target = { aggregate: 'assignment' as const, planId, assignmentId };
  const timers: Timer[] = [];
  const dueMs = toMillis(dueAt);
  const issueMs = toMillis(o.issueAt);

  for (const daysBefore of o.remindDaysBefore) {
    const atMs = dueMs - daysBefore * DAY_MS;
    if (state.remindersSent.includes(daysBefore) || atMs < issueMs) continue;
    const at = instantOf(atMs);
    timers.push({ timerId: idAt('reminder', `${subject}.d${daysBefore}`, atMs), kind: 'reminder', dueAt: at, planId, target, command: { type: 'SendReminder', data: { assignmentId, daysBefore } } });
  }
  if (!state.overdueSince) {
    timers.push({ timerId: idAt('overdue', subject, dueMs), kind: 'overdue', dueAt, planId, target, command: { type: 'MarkOverdue', data: { assignmentId } } });
  }
  for (let index = state.escalationLevel; index < o.escalation.length; index++) {
    const levelNo = index + 1;
    const atMs = dueMs + o.escalation[index].afterDays * DAY_MS;
    timers.push({ timerId: idAt('escalation', `${subject}.l${levelNo}`, atMs), kind: 'escalation', dueAt: instantOf(atMs), planId, target, command: { type: 'EscalateAssignment', data: { assignmentId, level: levelNo } } });
  }
  return timers;
}
