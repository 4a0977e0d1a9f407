/** A folded state of one stream up to `revision`, tagged with the version of the state's shape. */
export interface Snapshot<State = unknown> {
  stateSchemaVersion: number;
  revision: bigint;
  state: State;
}
