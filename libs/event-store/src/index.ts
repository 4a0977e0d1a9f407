export type { Actor, AppendResult, EventInput, EventMetadata, ExpectedRevision, GlobalPosition, StoredEvent } from './port/event-types';
export type { EventStore, ReadAllOptions, ReadDirection, ReadStreamOptions, SubscribeToAllOptions, Subscription } from './port/event-store';
export { START_POSITION, compareGlobalPositions, formatGlobalPosition, parseGlobalPosition } from './port/global-position';
export { ConcurrencyError, EventIdConflictError, InvalidConfigError, InvalidEventError, StoreUnavailableError } from './errors';
export type { BrokenLink, VerifyReport } from './hashing/verify-report';
export type { Snapshot } from './snapshots/snapshot';
export { loadState, type Fold, type LoadedState } from './snapshots/load-state';
export type { EventStoreConfig } from './config';
export { createEventStore } from './create-event-store';
