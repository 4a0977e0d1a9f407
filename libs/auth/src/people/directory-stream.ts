import { DIRECTORY_STREAM, directoryDecider, isDirectoryEventType, type DirectoryCommand, type DirectoryError, type DirectoryEvent, type DirectoryState } from '@planledger/domain';
import type { StreamDecider } from '@planledger/engine';

/** The directory decider as the command executor runs it: one stream, snapshotted every 50 facts. */
export const directoryStream: StreamDecider<DirectoryCommand, DirectoryEvent, DirectoryState, DirectoryError> = {
  stream: DIRECTORY_STREAM,
  initialState: directoryDecider.initialState,
  decide: directoryDecider.decide,
  evolve: directoryDecider.evolve,
  isEventType: isDirectoryEventType,
  stateSchemaVersion: 1,
  snapshotEvery: 50,
};
