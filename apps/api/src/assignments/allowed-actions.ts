import type { Principal } from '@planledger/auth';
import { allowedAssignmentCommands, type AssignmentCommandType, type AssignmentStatus } from '@planledger/domain';
import { routePolicies } from '../auth/route-policies';
import type { AssignmentAction } from '../routes/request-schemas';
import type { OperationId } from '../routes/route-table';

/** The person's actions on assignments, each with the domain command it gives and the route it calls. */
const ACTIONS: readonly { action: AssignmentAction; command: AssignmentCommandType; operation: OperationId }[] = [
  { action: 'acknowledge', command: 'AcknowledgeAssignment', operation: 'acknowledgeAssignment' },
  { action: 'start', command: 'StartAssignment', operation: 'startAssignment' },
  { action: 'progress', command: 'ReportProgress', operation: 'progressAssignment' },
  { action: 'submit', command: 'SubmitAssignment', operation: 'submitAssignment' },
  { action: 'return', command: 'ReturnAssignment', operation: 'returnAssignment' },
  { action: 'accept', command: 'AcceptAssignment', operation: 'acceptAssignment' },
  { action: 'reassign', command: 'ReassignAssignment', operation: 'reassignAssignment' },
  { action: 'waive', command: 'WaiveAssignment', operation: 'waiveAssignment' },
];

/** What the caller's department scope looks at for one assignment. */
export interface ActionTarget {
  status: AssignmentStatus;
  /** The department holding the work. */
  departmentId: string;
  /** The department reviewing a submission now; null when none (not submitted, or the chain is empty). */
  currentReviewer: string | null;
}

/**
 * The buttons a caller may be shown for an assignment: what the state machine allows in its
 * status, narrowed by the same route policies the authorization guard applies to the action's
 * route (roles, and for department people the holder's or reviewer's department in reach).
 * `reaches(departmentId)` answers for the assignment's plan, as DepartmentReach does.
 */
export function allowedActionsFor(principal: Pick<Principal, 'roles'>, target: ActionTarget, reaches: (departmentId: string) => boolean): AssignmentAction[] {
  const byStateMachine = new Set(allowedAssignmentCommands(target.status));
  return ACTIONS.filter(({ command, operation }) => {
    if (!byStateMachine.has(command)) return false;
    const policy = routePolicies[operation];
    if (policy.access !== 'token') return true;
    // As the guard: whatever the table says, an auditor's call never writes.
    const roles = policy.kind === 'write' ? principal.roles.filter((role) => role !== 'auditor') : principal.roles;
    if (policy.anyDepartment.some((role) => roles.includes(role))) return true;
    const own = policy.ownDepartment;
    if (!own || !own.roles.some((role) => roles.includes(role))) return false;
    const department = own.scope === 'assignment-reviewer' ? target.currentReviewer : target.departmentId;
    return department !== null && reaches(department);
  }).map(({ action }) => action);
}
