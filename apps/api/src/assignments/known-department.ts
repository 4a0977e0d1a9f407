import type { PlanState } from '@planledger/domain';
import type { CommandExecutor } from '@planledger/engine';
import { closestMatch } from '@planledger/plan-definition';
import type { FieldProblem } from '../commands/command-result';

/**
 * Work is reassigned only to a department of the assignment's plan: any other id would open an
 * inbox nobody reads. The problem names the id and the closest id the plan knows.
 */
export async function unknownDepartmentOfPlan(executor: CommandExecutor, planId: string, departmentId: string): Promise<FieldProblem | undefined> {
  const { schedule } = (await executor.load({ aggregate: 'plan', planId })).state as PlanState;
  const known = schedule?.departments.map((department) => department.id) ?? [];
  if (known.includes(departmentId)) return undefined;
  const nearest = closestMatch(departmentId, known);
  const suggestion = nearest ? `; did you mean "${nearest}"?` : '';
  return { field: 'toDepartmentId', message: `department "${departmentId}" is not one of plan ${planId}'s ${known.length} departments${suggestion} (GET /plans/${planId} lists them)` };
}
