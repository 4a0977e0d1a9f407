import { parseStreamName } from '@planledger/domain';

/** Which aggregate of a plan a stream holds. */
export type PlanStreamKind = { kind: 'plan' } | { kind: 'phase'; phaseId: string } | { kind: 'assignment'; assignmentId: string };

/** The aggregate `stream` holds when it belongs to plan `planId`; undefined for any other stream. */
export function classifyPlanStream(planId: string, stream: string): PlanStreamKind | undefined {
  const ref = parseStreamName(stream);
  if (!ref || ref.planId !== planId) return undefined;
  switch (ref.aggregate) {
    case 'plan':
      return { kind: 'plan' };
    case 'phase':
      return { kind: 'phase', phaseId: ref.phaseId };
    case 'assignment':
      return { kind: 'assignment', assignmentId: ref.assignmentId };
  }
}
