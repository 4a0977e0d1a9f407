import type { AssignmentCommand, AssignmentState, Instant } from '@planledger/domain';
import { addDays, isBefore, reviewChainOf } from '@planledger/domain';

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

export type PlannedAction = { at: Instant; command: Omit<AssignmentCommand, 'metadata'>; actorDepartment: string; role: 'department_head' | 'planner' };

/**
 * What the department does once its work is issued: acknowledge at once, report progress as
 * often as the obligation requires, and submit — on time departments before the first reminder
 * would go out, late ones `lateByDays` after the deadline.
 */
export function departmentActions(state: AssignmentState, options: BehaviourOptions): PlannedAction[] {
  const o = state.obligation!;
  const department = state.departmentId;
  if (options.silent.has(department)) return [];
  const id = state.assignmentId;
  const issuedAt = o.issueAt;
  const act = (at: Instant, command: PlannedAction['command']): PlannedAction => ({ at, command, actorDepartment: department, role: 'department_head' });

  const firstReminderDays = Math.max(0, ...o.remindDaysBefore);
  let submitAt = options.late.has(department) ? addDays(state.dueAt, options.lateByDays) : addDays(state.dueAt, -(firstReminderDays + 1));
  if (isBefore(submitAt, issuedAt)) submitAt = issuedAt;

  const actions = [act(issuedAt, { type: 'AcknowledgeAssignment', data: { assignmentId: id } })];
  const span = Date.parse(submitAt) - Date.parse(issuedAt);
  for (let n = 1; n <= o.requiredCount && o.requiredCount > 1; n++) {
    const at = new Date(Date.parse(issuedAt) + Math.floor((span * n) / (o.requiredCount + 1))).toISOString();
    actions.push(act(at, { type: 'ReportProgress', data: { assignmentId: id, note: `第${n}次`, count: 1 } }));
  }
  actions.push(act(submitAt, { type: 'SubmitAssignment', data: { assignmentId: id, note: '按要求报送' } }));
  return actions;
}

/** The reviewer holding a submission accepts it after `reviewDays`. */
export function reviewerAction(state: AssignmentState, now: Instant, options: BehaviourOptions): PlannedAction {
  const reviewer = reviewChainOf(state.obligation)[state.reviewStep] ?? 'planner';
  return {
    at: addDays(now, options.reviewDays),
    command: { type: 'AcceptAssignment', data: { assignmentId: state.assignmentId } },
    actorDepartment: reviewer,
    role: 'planner',
  };
}
