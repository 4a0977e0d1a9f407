import { timerCommand, type Instant, type Timer } from '@planledger/domain';
import type { CommandExecutor, ExecuteResult } from '../commands/command-executor';

/**
 * Gives a timer's command at the instant the domain says it takes effect (its due time, or
 * `notBefore` when the plan was published after that moment), whenever the job actually runs.
 * The timer id is the idempotency key: firing twice appends nothing new, and a timer the work
 * has passed by decides nothing.
 */
export function fireTimer(executor: CommandExecutor, timer: Timer, options: { notBefore?: Instant; correlationId?: string } = {}): Promise<ExecuteResult> {
  const command = timerCommand(timer, options.notBefore);
  return executor.execute(timer.target, command, { idempotencyKey: `timer/${timer.timerId}`, correlationId: options.correlationId, causationId: timer.timerId });
}
