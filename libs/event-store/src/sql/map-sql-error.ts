import { StoreUnavailableError } from '../errors';

/** SQLSTATE classes meaning "the database is not there or not accepting work". */
const UNAVAILABLE_CLASSES = ['08', '53', '57'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

export function sqlErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns driver failures that mean "cannot reach the store" into StoreUnavailableError; others pass through. */
export function mapUnavailable(error: unknown, doing: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = sqlErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const unavailable =
    (code !== undefined && (NETWORK_CODES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))) ||
    /Connection terminated|connect ECONNREFUSED|Client was closed|Client has encountered a connection error|PGlite is closed|PGlite worker (exited|stopped)|Cannot use a pool after calling end/i.test(message);
  return unavailable ? new StoreUnavailableError(`event store unavailable while ${doing}: ${message}`, { cause: error }) : error;
}
