/**
 * Stream names: one stream per aggregate instance, `plan-{planId}`, `phase-{planId}.{phaseId}`,
 * `assignment-{planId}.{assignmentId}`. Ids are ASCII without ':' (BullMQ job ids); plan ids have
 * no '.' (lower-case letters, digits and '-'), so the first '.' after the prefix ends the plan id
 * while phase and assignment ids may hold dots. This file is the only place that builds or
 * parses them.
 */
export const streamNames = {
  plan: (planId: string) => `plan-${planId}`,
  phase: (planId: string, phaseId: string) => `phase-${planId}.${phaseId}`,
  assignment: (planId: string, assignmentId: string) => `assignment-${planId}.${assignmentId}`,
};

export interface PlanRef {
  aggregate: 'plan';
  planId: string;
}
export interface PhaseRef {
  aggregate: 'phase';
  planId: string;
  phaseId: string;
}
export interface AssignmentRef {
  aggregate: 'assignment';
  planId: string;
  assignmentId: string;
}
export type AggregateRef = PlanRef | PhaseRef | AssignmentRef;

export const streamOf = (ref: AggregateRef): string => {
  switch (ref.aggregate) {
    case 'plan':
      return streamNames.plan(ref.planId);
    case 'phase':
      return streamNames.phase(ref.planId, ref.phaseId);
    case 'assignment':
      return streamNames.assignment(ref.planId, ref.assignmentId);
  }
};

const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** `{planId}.{childId}` after a prefix, or undefined when either part is missing or malformed. */
function splitPlanChild(rest: string): { planId: string; childId: string } | undefined {
  const dot = rest.indexOf('.');
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  const planId = rest.slice(0, dot);
  return PLAN_ID.test(planId) ? { planId, childId: rest.slice(dot + 1) } : undefined;
}

/**
 * The aggregate a stream holds; undefined for any other stream (`directory`, `audit-2026-12`, a
 * name no plan could have). Inverse of `streamOf`: `parseStreamName(streamOf(ref))` equals `ref`.
 */
export function parseStreamName(stream: string): AggregateRef | undefined {
  if (stream.startsWith('plan-')) {
    const planId = stream.slice('plan-'.length);
    return PLAN_ID.test(planId) ? { aggregate: 'plan', planId } : undefined;
  }
  if (stream.startsWith('phase-')) {
    const parts = splitPlanChild(stream.slice('phase-'.length));
    return parts && { aggregate: 'phase', planId: parts.planId, phaseId: parts.childId };
  }
  if (stream.startsWith('assignment-')) {
    const parts = splitPlanChild(stream.slice('assignment-'.length));
    return parts && { aggregate: 'assignment', planId: parts.planId, assignmentId: parts.childId };
  }
  return undefined;
}
