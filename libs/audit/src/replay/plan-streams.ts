import { streamNames } from '@planledger/domain';

/** Which aggregate of a plan a stream holds. Plan ids have no '.', so the prefixes cannot collide. */
export type PlanStreamKind = { kind: 'plan' } | { kind: 'phase'; phaseId: string } | { kind: 'assignment'; assignmentId: string };

export const phaseStreamPrefix = (planId: string): string => `${streamNames.phase(planId, '')}`;
export const assignmentStreamPrefix = (planId: string): string => `${streamNames.assignment(planId, '')}`;

export function classifyPlanStream(planId: string, stream: string): PlanStreamKind | undefined {
  if (stream === streamNames.plan(planId)) return { kind: 'plan' };
  if (stream.startsWith(phaseStreamPrefix(planId))) return { kind: 'phase', phaseId: stream.slice(phaseStreamPrefix(planId).length) };
  if (stream.startsWith(assignmentStreamPrefix(planId))) return { kind: 'assignment', assignmentId: stream.slice(assignmentStreamPrefix(planId).length) };
  return undefined;
}
