import { closingStartOf } from '../schedule/phase-closing';
import type { PlanSchedule } from '../schedule/plan-schedule';
import { toMillis } from '../shared/time';
import { timerId, type Timer } from './timer';

/** The timers a published schedule implies: phases opening, closing and closed; work issued; targets' periods ending. */
export function timersForSchedule(schedule: PlanSchedule): Timer[] {
  const { planId } = schedule;
  const timers: Timer[] = [];
  for (const phase of schedule.phases) {
    const subject = `${planId}.${phase.phaseId}`;
    const target = { aggregate: 'phase' as const, planId, phaseId: phase.phaseId };
    const ref = { planId, phaseId: phase.phaseId };
    const closingAt = closingStartOf(phase);
    // An undated phase opens when the one before it closes (the plan workflow), and a planner closes
    // it: its only timer is the plan's end, when it closes at the latest.
    if (phase.opensAfter !== undefined) {
      timers.push({ timerId: timerId('phase-close', subject, phase.closesAt), kind: 'phase-close', dueAt: phase.closesAt, planId, target, command: { type: 'ClosePhase', data: { ...ref, trigger: 'schedule' } } });
      continue;
    }
    timers.push(
      { timerId: timerId('phase-open', subject, phase.opensAt), kind: 'phase-open', dueAt: phase.opensAt, planId, target, command: { type: 'OpenPhase', data: ref } },
      { timerId: timerId('phase-closing', subject, closingAt), kind: 'phase-closing', dueAt: closingAt, planId, target, command: { type: 'BeginPhaseClosing', data: ref } },
      { timerId: timerId('phase-close', subject, phase.closesAt), kind: 'phase-close', dueAt: phase.closesAt, planId, target, command: { type: 'ClosePhase', data: { ...ref, trigger: 'schedule' } } },
    );
  }
  for (const obligation of schedule.obligations) {
    timers.push({
      timerId: timerId('assignment-issue', `${planId}.${obligation.assignmentId}`, obligation.issueAt),
      kind: 'assignment-issue',
      dueAt: obligation.issueAt,
      planId,
      target: { aggregate: 'assignment', planId, assignmentId: obligation.assignmentId },
      command: { type: 'IssueAssignment', data: { planId, obligation } },
    });
  }
  // One timer per instant at which periods end, judging them all (ADR 0026). Schedules compiled
  // before ADR 0026 carry no periodEnds: their targets are judged at the plan's close only.
  const instants = new Map<number, string>();
  for (const target of schedule.targets ?? []) for (const { judgedAt } of target.periodEnds ?? []) if (!instants.has(toMillis(judgedAt))) instants.set(toMillis(judgedAt), judgedAt);
  for (const [, periodsEndedAt] of [...instants].sort(([a], [b]) => a - b)) {
    timers.push({
      timerId: timerId('target-period-end', planId, periodsEndedAt),
      kind: 'target-period-end',
      dueAt: periodsEndedAt,
      planId,
      target: { aggregate: 'plan', planId },
      command: { type: 'JudgeTargetPeriods', data: { planId, periodsEndedAt } },
    });
  }
  return timers;
}
