import { timerCommand, type Instant, type Timer } from '@planledger/domain';
import type { CommandExecutor, ExecuteRequest, ExecuteResult } from '../commands/command-executor';

/**
 * Gives a timer's command at the instant the domain says it takes effect (its due time, or
 * `notBefore` when the plan was published after that moment), whenever the job actually runs.
 * The timer id is the idempotency key: firing twice appends nothing new, and a timer the work
 * has passed by decides nothing.
 */
export function fireTimer(executor: CommandExecutor, timer: Timer, options: { notBefore?: Instant; correlationId?: string } = {}): Promise<ExecuteResult> {
  const { target, command, options: executeOptions } = firingRequest({ timer, ...options });
  return executor.execute(target, command, executeOptions);
}

export interface TimerFiring {
  timer: Timer;
  notBefore?: Instant;
  correlationId?: string;
}

/** `fireTimer` for many timers at once (executeMany): one result per firing, in order. */
export function fireTimers(executor: CommandExecutor, firings: readonly TimerFiring[]): Promise<PromiseSettledResult<ExecuteResult>[]> {
  return executor.executeMany(firings.map(firingRequest));
}

function firingRequest({ timer, notBefore, correlationId }: TimerFiring): ExecuteRequest {
  const command = timerCommand(timer, notBefore);
  return { target: timer.target, command, options: { idempotencyKey: `timer/${timer.timerId}`, correlationId, causationId: timer.timerId } } as ExecuteRequest;
}
