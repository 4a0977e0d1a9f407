import type { Instant } from '../shared/time';
import type { AggregateRef } from '../streams/stream-names';
import type { AssignmentCommand } from '../assignment/assignment.commands';
import type { PhaseCommand } from '../phase/phase.commands';
import type { JudgeTargetPeriods } from '../plan/plan.commands';

export type TimerKind = 'phase-open' | 'assignment-issue' | 'reminder' | 'overdue' | 'escalation' | 'phase-closing' | 'phase-close' | 'target-period-end';

/** Timers due at the same instant fire in this order (a phase opens before its work is issued). */
export const timerKindOrder: Record<TimerKind, number> = {
  'phase-open': 0,
  'assignment-issue': 1,
  reminder: 2,
  overdue: 3,
  escalation: 4,
  'phase-closing': 5,
  'phase-close': 6,
  // Last: work due on the period's last day has closed, and a phase that opens at midnight opens first.
  'target-period-end': 7,
};

type Payload<C> = C extends { type: infer T; data: infer D } ? { type: T; data: D } : never;
export type TimerCommand = Payload<AssignmentCommand> | Payload<PhaseCommand> | Payload<JudgeTargetPeriods>;
/** The commands timers give: to an assignment, a phase, or the plan (a target's period ended). */
export type TimerGivenCommand = AssignmentCommand | PhaseCommand | JudgeTargetPeriods;

/**
 * A moment at which the engine must give a command. Serialisable (a queue job payload).
 * `timerId` is deterministic and carries the due time, so a re-dated deadline yields a new id
 * while scheduling the same timer twice yields the same one. No ':' (BullMQ forbids it).
 */
export interface Timer {
  timerId: string;
  kind: TimerKind;
  dueAt: Instant;
  planId: string;
  target: AggregateRef;
  command: TimerCommand;
}

export const compareTimers = (a: Timer, b: Timer): number =>
  Date.parse(a.dueAt) - Date.parse(b.dueAt) || timerKindOrder[a.kind] - timerKindOrder[b.kind] || (a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0);

export const timerId = (kind: TimerKind, subject: string, dueAt: Instant): string => `${kind}.${subject}.${Date.parse(dueAt)}`;
