/**
 * Given / when / then for workflows (after Emmett's WorkflowSpecification). Test-only, imported
 * by relative path like the decider specification.
 *
 *   spec.given([drafted, published]).when(issued).then([{ type: 'SetTimers', … }]);
 *   spec.given([…]).when(acknowledged).thenNothing();
 */
import type { Workflow } from '../workflow/workflow';

export interface WorkflowThenClause<Output> {
  /** Exactly these outputs, in this order (deep equality). */
  then(expected: Output[]): void;
  thenNothing(): void;
  /** The outputs, for assertions the clauses above do not cover. */
  outputs(): Output[];
}

export interface WorkflowWhenClause<Input, State, Output> {
  state: State;
  when(input: Input): WorkflowThenClause<Output>;
}

export interface WorkflowSpecification<Input, State, Output> {
  given(inputs: readonly Input[]): WorkflowWhenClause<Input, State, Output>;
}

export const WorkflowSpecification = {
  /** `host` makes a fresh state for each scenario (a plan workflow's aggregates live in the host). */
  for<Input, State, Output>(workflow: Workflow<Input, State, Output>, host: () => Workflow<Input, State, Output> = () => workflow): WorkflowSpecification<Input, State, Output> {
    return {
      given(inputs) {
        const hosted = host();
        const state = inputs.reduce(hosted.evolve, hosted.initialState());
        return {
          state,
          when(input) {
            const outputs = () => hosted.decide(input, hosted.evolve(state, input));
            return {
              then: (expected) => expect(outputs()).toEqual(expected),
              thenNothing: () => expect(outputs()).toEqual([]),
              outputs,
            };
          },
        };
      },
    };
  },
};
