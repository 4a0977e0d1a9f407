import type { Clock, CommandExecutor, EngineCommand, ExecuteOptions, ExecuteResult } from '@planledger/engine';
import type { Actor, AggregateRef } from '@planledger/domain';
import type { CommandHeaders } from '../actor/request-actor';
import { domainRejection } from '../http/api-errors';

/** What every command carries from its request besides its own data. */
export interface CommandContext {
  headers: CommandHeaders;
  /** Who acts, as the authorization guard established it from the bearer token. */
  actor: Actor;
  correlationId: string;
}

export type Accepted = Extract<ExecuteResult, { ok: true }>;

/** Business time for people's commands: the service clock (virtual under --virtual-clock), never the request's. */
export const businessNow = async (clock: Clock): Promise<string> => (await clock.now()).toISOString();

/**
 * Runs a command through the engine; a decider's refusal becomes the matching 4xx. A request
 * sent again with its Idempotency-Key gets the first attempt's outcome (its events and the state
 * after them), so the answer is the first answer.
 */
export async function executeOrReject(
  executor: CommandExecutor,
  target: AggregateRef,
  command: EngineCommand,
  options: ExecuteOptions,
  fieldPath?: (field: string) => string,
): Promise<Accepted> {
  const result = await executor.execute(target, command, { ...options, replayEarlierOutcome: options.idempotencyKey !== undefined });
  if (!result.ok) throw domainRejection(result.error, fieldPath);
  return result;
}
