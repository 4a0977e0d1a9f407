import { assignmentDecider } from '../assignment/assignment.decider';
import type { AssignmentEvent } from '../assignment/assignment.events';
import type { AssignmentState } from '../assignment/assignment.state';
import type { PlanledgerEvent } from '../events/planledger-event';
import { phaseDecider } from '../phase/phase.decider';
import type { PhaseEvent } from '../phase/phase.events';
import type { PhaseState } from '../phase/phase.state';
import type { AggregateRef } from '../streams/stream-names';
import { planWorkflow, type AggregateStates, type PlanWorkflowInput, type PlanWorkflowOutput, type PlanWorkflowState } from './plan-workflow';
import type { Workflow } from './workflow';

/**
 * The states of a plan's phases and assignments kept in memory, folded with the deciders' own
 * `evolve`: the aggregates the workflow reads in a host that holds everything (specs, the simulator).
 */
export class InMemoryAggregates implements AggregateStates {
  readonly assignments = new Map<string, AssignmentState>();
  readonly phases = new Map<string, PhaseState>();

  assignment(assignmentId: string): AssignmentState | undefined {
    return this.assignments.get(assignmentId);
  }

  phase(phaseId: string): PhaseState | undefined {
    return this.phases.get(phaseId);
  }

  apply(target: AggregateRef, event: PlanledgerEvent): void {
    if (target.aggregate === 'assignment') {
      const before = this.assignments.get(target.assignmentId) ?? assignmentDecider.initialState();
      this.assignments.set(target.assignmentId, assignmentDecider.evolve(before, event as AssignmentEvent));
    } else if (target.aggregate === 'phase') {
      const before = this.phases.get(target.phaseId) ?? phaseDecider.initialState();
      this.phases.set(target.phaseId, phaseDecider.evolve(before, event as PhaseEvent));
    }
  }
}

/** The plan workflow with its aggregates in memory: every input is applied to its aggregate first. */
export function inMemoryPlanWorkflow(): Workflow<PlanWorkflowInput, PlanWorkflowState, PlanWorkflowOutput> & { aggregates: InMemoryAggregates } {
  const aggregates = new InMemoryAggregates();
  return {
    aggregates,
    initialState: () => ({ ...planWorkflow.initialState(), aggregates }),
    evolve: (state, input) => {
      aggregates.apply(input.target, input.event);
      return planWorkflow.evolve(state, input);
    },
    decide: planWorkflow.decide,
  };
}
