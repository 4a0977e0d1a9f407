import type { AssignmentCommand } from '../assignment/assignment.commands';
import { terminalStatuses, type AssignmentStatus } from '../assignment/assignment.transitions';
import type { PhaseCommand } from '../phase/phase.commands';
import type { PhaseStatus } from '../phase/phase.transitions';
import type { CommandMetadata } from '../shared/decider';
import type { ScheduleChanges } from '../schedule/schedule-diff';
import type { AggregateRef } from '../streams/stream-names';

export type AmendmentEffect =
  | { target: AggregateRef; command: AssignmentCommand }
  | { target: AggregateRef; command: PhaseCommand };

/**
 * What an amendment does to work already under way. Assignments not yet issued need nothing:
 * the timers derived from the new schedule issue them (a due time already past fires at once).
 * Issued, still open assignments are cancelled when their obligation is gone and re-dated when
 * their deadline moved; accepted, waived or cancelled ones are history and stay as they are.
 */
export function amendmentEffects(
  planId: string,
  changes: ScheduleChanges,
  statusOf: (assignmentId: string) => AssignmentStatus | undefined,
  metadata: CommandMetadata,
  reason: string,
  phaseStatusOf: (phaseId: string) => PhaseStatus | undefined = () => undefined,
): AmendmentEffect[] {
  const open = (id: string) => {
    const status = statusOf(id);
    return status !== undefined && status !== 'not_issued' && !terminalStatuses.includes(status);
  };
  const effects: AmendmentEffect[] = [];
  for (const assignmentId of changes.removedAssignmentIds.filter(open)) {
    effects.push({ target: { aggregate: 'assignment', planId, assignmentId }, command: { type: 'CancelAssignment', data: { assignmentId, reason }, metadata } });
  }
  for (const r of changes.redated.filter((r) => open(r.assignmentId))) {
    effects.push({
      target: { aggregate: 'assignment', planId, assignmentId: r.assignmentId },
      command: { type: 'MoveDeadline', data: { assignmentId: r.assignmentId, dueAt: r.toDueAt, reason }, metadata },
    });
  }
  for (const phase of changes.addedPhases) {
    effects.push({ target: { aggregate: 'phase', planId, phaseId: phase.phaseId }, command: { type: 'SchedulePhase', data: { planId, phaseId: phase.phaseId, phase }, metadata } });
  }
  for (const { from, to } of changes.rescheduledPhases) {
    // An undated phase keeps its opening bound (ADR 0019): it may have opened already, and then only its closing may move.
    const phase = from.opensAfter !== undefined && to.opensAfter !== undefined ? { ...to, opensAt: from.opensAt } : to;
    effects.push({ target: { aggregate: 'phase', planId, phaseId: to.phaseId }, command: { type: 'ReschedulePhase', data: { planId, phaseId: to.phaseId, phase, reason }, metadata } });
  }
  // A phase dropped before it opens is cancelled; one already running is closed now; history stays.
  for (const phaseId of changes.removedPhaseIds) {
    const status = phaseStatusOf(phaseId);
    const target = { aggregate: 'phase' as const, planId, phaseId };
    if (status === 'open' || status === 'closing') {
      effects.push({ target, command: { type: 'ClosePhase', data: { planId, phaseId, trigger: 'planner' }, metadata } });
    } else if (status !== 'closed' && status !== 'cancelled') {
      effects.push({ target, command: { type: 'CancelPhase', data: { planId, phaseId, reason }, metadata } });
    }
  }
  return effects;
}
