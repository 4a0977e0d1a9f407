import type { AssignmentCommand, AssignmentState } from '@planledger/domain';
import { reviewChainOf, toMillis } from '@planledger/domain';

/** How the simulated people behave. Defaults: everyone acts at once and on time; reviewers accept. */
export interface BehaviourOptions {
  /** Departments that submit after their deadlines. */
  late: ReadonlySet<string>;
  /** Departments that never act: reminders, overdue marks and escalations follow. */
  silent: ReadonlySet<string>;
  /** How many days after the deadline a late department submits (default 14: past two escalation levels). */
  lateByDays: number;
  /** Days a reviewer takes for each step of the review chain (default 1). */
  reviewDays: number;
}

export const defaultBehaviour = (overrides: Partial<BehaviourOptions> = {}): BehaviourOptions => ({
  late: new Set(),
  silent: new Set(),
  lateByDays: 14,
  reviewDays: 1,
  ...overrides,
});

export type PlannedAction = { atMs: number; command: Omit<AssignmentCommand, 'metadata'>; actorDepartment: string; role: 'department_head' | 'planner' };

const DAY_MS = 86_400_000;

/**
 * What the department does once its work is issued: acknowledge at once, report progress as
 * often as the obligation requires, and submit — on time departments before the first reminder
 * would go out, late ones `lateByDays` after the deadline. After a deadline moved, it plans again
 * from `fromMs` on (nothing it has done is done twice).
 */
export function departmentActions(state: AssignmentState, options: BehaviourOptions, fromMs?: number): PlannedAction[] {
  const o = state.obligation!;
  const department = state.departmentId;
  if (options.silent.has(department)) return [];
  const id = state.assignmentId;
  const issuedMs = toMillis(o.issueAt);
  const dueMs = toMillis(state.dueAt);
  const act = (atMs: number, command: PlannedAction['command']): PlannedAction => ({ atMs, command, actorDepartment: department, role: 'department_head' });
  let firstReminderDays = 0;
  for (const days of o.remindDaysBefore) if (days > firstReminderDays) firstReminderDays = days;
  let submitMs = options.late.has(department) ? dueMs + options.lateByDays * DAY_MS : dueMs - (firstReminderDays + 1) * DAY_MS;
  if (submitMs < issuedMs) submitMs = issuedMs;
  const actions: PlannedAction[] = [];
  if (fromMs === undefined) actions.push(act(issuedMs, { type: 'AcknowledgeAssignment', data: { assignmentId: id } }));
  // A standing duty (常态化) is carried on, not handed in: the department acknowledges it and keeps it open.
  if (o.standing) return actions;
  const span = submitMs - issuedMs;
  for (let n = 1; n <= o.requiredCount && o.requiredCount > 1; n++) {
    const atMs = issuedMs + Math.floor((span * n) / (o.requiredCount + 1));
    if (fromMs === undefined || atMs > fromMs) actions.push(act(atMs, { type: 'ReportProgress', data: { assignmentId: id, note: `第${n}次`, count: 1 } }));
  }
  actions.push(act(fromMs !== undefined && submitMs < fromMs ? fromMs : submitMs, { type: 'SubmitAssignment', data: { assignmentId: id, note: '按要求报送' } }));
  return actions;
}

/** The reviewer holding a submission accepts it after `reviewDays`. */
export function reviewerAction(state: AssignmentState, nowMs: number, options: BehaviourOptions): PlannedAction {
  const reviewer = reviewChainOf(state.obligation)[state.reviewStep] ?? 'planner';
  return {
    atMs: nowMs + options.reviewDays * DAY_MS,
    command: { type: 'AcceptAssignment', data: { assignmentId: state.assignmentId } },
    actorDepartment: reviewer,
    role: 'planner',
  };
}
