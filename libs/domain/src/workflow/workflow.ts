/**
 * A process in the style of Emmett's `Workflow`: what follows from what, written once and run by
 * every host (the service's reactor and timer projection, the simulator). Pure: no IO, no clock.
 *
 * Hosts first `evolve` the state with the input, then `decide` on the state reached: the outputs
 * of an event depend on what the event made of its aggregate (an issued assignment's deadlines).
 */
export interface Workflow<Input, State, Output> {
  initialState: () => State;
  evolve: (state: State, input: Input) => State;
  decide: (input: Input, state: State) => Output[];
}

/** One step of a workflow: the state after the input and what it asks for. */
export function stepWorkflow<Input, State, Output>(workflow: Workflow<Input, State, Output>, state: State, input: Input): { state: State; outputs: Output[] } {
  const next = workflow.evolve(state, input);
  return { state: next, outputs: workflow.decide(input, next) };
}
