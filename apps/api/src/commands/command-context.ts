import type { Clock, CommandExecutor, EngineCommand, ExecuteOptions, ExecuteResult } from '@planledger/engine';
import type { Actor, AggregateRef } from '@planledger/domain';
import { EventIdConflictError } from '@planledger/event-store';
import { fromDomainError, rejected, type Rejected } from './command-result';

/**
 * What every command carries besides its own data; the controller builds it from the request
 * (the bearer token's actor, the Idempotency-Key header, the correlation id), so that handlers
 * never see a request.
 */
export interface CommandContext {
  /** Who acts, as the authorization guard established it from the bearer token. */
  actor: Actor;
  /** The caller's key for this request: sent again, the request appends nothing new. */
  idempotencyKey?: string;
  correlationId: string;
}

export type Accepted = Extract<ExecuteResult, { ok: true }>;

/** Business time for people's commands: the service clock (virtual under --virtual-clock), never the request's. */
export const businessNow = async (clock: Clock): Promise<string> => (await clock.now()).toISOString();

/** The caller's key, scoped to one command on one aggregate: the same key on another route is another request. */
export const scopedIdempotencyKey = (context: CommandContext, scope: string): string | undefined =>
  context.idempotencyKey === undefined ? undefined : `${scope}#${context.idempotencyKey}`;

const idempotencyKeyReused = rejected({
  kind: 'conflict', code: 'idempotency_key_reused',
  message: 'this Idempotency-Key was already used for another request; send a new key',
});

/**
 * Runs a command through the engine; a decider's refusal comes back as a rejection. A request
 * sent again with its Idempotency-Key gets the first attempt's outcome (its events and the state
 * after them), so the answer is the first answer; the key on another command is a conflict.
 */
export async function executeCommand(
  executor: CommandExecutor,
  target: AggregateRef,
  command: EngineCommand,
  options: ExecuteOptions,
): Promise<Accepted | Rejected> {
  try {
    const result = await executor.execute(target, command, { ...options, replayEarlierOutcome: options.idempotencyKey !== undefined });
    return result.ok ? result : rejected(fromDomainError(result.error));
  } catch (error) {
    if (error instanceof EventIdConflictError && options.idempotencyKey !== undefined) return idempotencyKeyReused;
    throw error;
  }
}
