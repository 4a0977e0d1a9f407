import type { KeyPath } from '../plan-error';
import type { Deadline, PlanDefinition } from '../schema';

type Measure = PlanDefinition['measures'][number];
type Deliverable = PlanDefinition['phases'][number]['deliverables'][number];

/** A measure or a phase deliverable: both assign work with a deadline to responsible units. */
export interface WorkEntry {
  entry: Measure | Deliverable;
  path: KeyPath;
  deadline: Deadline;
  escalation?: Measure['escalation'];
}

export function workEntries(definition: PlanDefinition): WorkEntry[] {
  const measures = definition.measures.map((entry, i) => ({
    entry,
    path: ['measures', i] as KeyPath,
    deadline: entry.deadline,
    escalation: entry.escalation,
  }));
  const deliverables = definition.phases.flatMap((phase, p) =>
    phase.deliverables.map((entry, d) => ({
      entry,
      path: ['phases', p, 'deliverables', d] as KeyPath,
      deadline: entry.deadline,
    })),
  );
  return [...measures, ...deliverables];
}
