/** Stream names: one stream per aggregate instance. Ids are ASCII without ':' (BullMQ job ids). */
export const streamNames = {
  plan: (planId: string) => `plan-${planId}`,
  phase: (planId: string, phaseId: string) => `phase-${planId}.${phaseId}`,
  assignment: (planId: string, assignmentId: string) => `assignment-${planId}.${assignmentId}`,
};

export type AggregateRef =
  | { aggregate: 'plan'; planId: string }
  | { aggregate: 'phase'; planId: string; phaseId: string }
  | { aggregate: 'assignment'; planId: string; assignmentId: string };

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
