import type { EventStore } from '../port/event-store';
import type { StoredEvent } from '../port/event-types';

export interface Fold<State> {
  initialState: State;
  evolve: (state: State, event: StoredEvent) => State;
  /** Bump when the shape of State changes: older snapshots are then ignored and rebuilt. */
  stateSchemaVersion: number;
  /** Write a new snapshot once this many events were folded beyond the last one. */
  snapshotEvery: number;
}

export interface LoadedState<State> {
  state: State;
  /** Revision of the last folded event, or 'no_stream'. */
  revision: bigint | 'no_stream';
  /** Revision of the snapshot the fold started from, if one was usable. */
  fromSnapshot: bigint | undefined;
}

/**
 * Loads a stream's state, starting from its snapshot when the snapshot's state schema version
 * matches, and refreshes the snapshot when enough events were folded. State must be plain JSON.
 */
export async function loadState<State>(store: EventStore, stream: string, fold: Fold<State>): Promise<LoadedState<State>> {
  const snapshot = await store.readSnapshot(stream);
  const usable = snapshot && snapshot.stateSchemaVersion === fold.stateSchemaVersion ? snapshot : undefined;
  let state = usable ? (usable.state as State) : fold.initialState;
  let revision: bigint | 'no_stream' = usable ? usable.revision : 'no_stream';
  let folded = 0;
  for await (const event of store.readStream(stream, { fromRevision: usable ? usable.revision + 1n : 0n })) {
    state = fold.evolve(state, event);
    revision = event.revision;
    folded++;
  }
  if (revision !== 'no_stream' && (folded >= fold.snapshotEvery || (snapshot && !usable))) {
    await store.writeSnapshot(stream, { stateSchemaVersion: fold.stateSchemaVersion, revision, state });
  }
  return { state, revision, fromSnapshot: usable?.revision };
}

/**
 * `loadState` for many streams: with a store that reads in batches (BatchedEventStore), two round
 * trips for all of them (their snapshots, then the events after each), else one stream at a time.
 * The result is the same as loading each alone, snapshot refresh included.
 */
export async function loadStates<State>(store: EventStore, streams: readonly string[], fold: Fold<State>): Promise<Map<string, LoadedState<State>>> {
  const distinct = [...new Set(streams)];
  if (!store.readSnapshots || !store.readStreams) {
    const loaded = await Promise.all(distinct.map((stream) => loadState(store, stream, fold)));
    return new Map(distinct.map((stream, index) => [stream, loaded[index]]));
  }
  const snapshots = await store.readSnapshots(distinct);
  const usable = (stream: string) => {
    const snapshot = snapshots.get(stream);
    return snapshot && snapshot.stateSchemaVersion === fold.stateSchemaVersion ? snapshot : undefined;
  };
  const events = await store.readStreams(distinct.map((stream) => ({ stream, fromRevision: usable(stream) ? usable(stream)!.revision + 1n : 0n })));
  const result = new Map<string, LoadedState<State>>();
  const refreshes: Promise<void>[] = [];
  for (const stream of distinct) {
    const snapshot = usable(stream);
    let state = snapshot ? (snapshot.state as State) : fold.initialState;
    let revision: bigint | 'no_stream' = snapshot ? snapshot.revision : 'no_stream';
    const folded = events.get(stream) ?? [];
    for (const event of folded) {
      state = fold.evolve(state, event);
      revision = event.revision;
    }
    if (revision !== 'no_stream' && (folded.length >= fold.snapshotEvery || (snapshots.has(stream) && !snapshot))) {
      refreshes.push(store.writeSnapshot(stream, { stateSchemaVersion: fold.stateSchemaVersion, revision, state }));
    }
    result.set(stream, { state, revision, fromSnapshot: snapshot?.revision });
  }
  await Promise.all(refreshes);
  return result;
}
