import type { Instant } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';
import type { AssignmentStatus } from './assignment.transitions';

export interface AssignmentState {
  status: AssignmentStatus;
  assignmentId: string;
  planId: string;
  obligation?: Obligation;
  /** Exactly one department owns the work at a time; a reassignment moves it. */
  departmentId: string;
  dueAt: Instant;
  progressCount: number;
  /** Index into obligation.reviewers of the reviewer holding a submission. */
  reviewStep: number;
  overdueSince?: Instant;
  escalationLevel: number;
  remindersSent: number[];
  submittedAt?: Instant;
  acceptedAt?: Instant;
}

/**
 * Every field present from the start, the optional ones undefined (JSON drops them), so that all
 * states share one shape: a fold over hundreds of thousands of events stays on the fast path.
 */
export const initialAssignmentState = (): AssignmentState => ({
  status: 'not_issued',
  assignmentId: '',
  planId: '',
  obligation: undefined,
  departmentId: '',
  dueAt: '',
  progressCount: 0,
  reviewStep: 0,
  overdueSince: undefined,
  escalationLevel: 0,
  remindersSent: [],
  submittedAt: undefined,
  acceptedAt: undefined,
});
