import type { ExpectedRevision } from './port/event-types';

/** The stream's revision was not the one the writer decided on: reload and decide again. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream "${stream}": expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The caller's input is wrong; `where` points at it, e.g. `events[2].type`. Nothing was written. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

/**
 * An event id is already stored somewhere else than where this append would put it
 * (another stream, another revision, or only part of the batch). Nothing was written.
 */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(
    readonly eventId: string,
    readonly where: string,
    readonly storedStream: string,
    readonly storedRevision: bigint,
  ) {
    super(`${where}: event id ${eventId} is already stored in stream "${storedStream}" at revision ${storedRevision}`);
  }
}

/** The database cannot be reached or refused to work; retrying later may help. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store's configuration is wrong; `where` names the setting. */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}
