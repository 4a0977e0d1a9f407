import { systemActor, type AssignmentCommand, type Instant, type PhaseCommand, type Timer } from '@planledger/domain';
import type { CommandExecutor, ExecuteResult } from '../commands/command-executor';

/**
 * Gives a timer's command at the timer's own moment (business time = due time, whenever the job
 * actually runs), or at `notBefore` when the plan was published after that moment. The timer id
 * is the idempotency key: firing twice appends nothing new, and a timer the work has passed by
 * decides nothing.
 */
export function fireTimer(executor: CommandExecutor, timer: Timer, options: { notBefore?: Instant; correlationId?: string } = {}): Promise<ExecuteResult> {
  const { notBefore } = options;
  const at = notBefore && Date.parse(notBefore) > Date.parse(timer.dueAt) ? notBefore : timer.dueAt;
  const command = { ...timer.command, metadata: { actor: systemActor, at } } as AssignmentCommand | PhaseCommand;
  return executor.execute(timer.target, command, { idempotencyKey: `timer/${timer.timerId}`, correlationId: options.correlationId, causationId: timer.timerId });
}
