import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, type CommandResult } from '../commands/command-result';
import { ClosePlanCommand, type PlanStatusAnswer } from './plan.commands';

@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler implements ICommandHandler<ClosePlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, reason, context }: ClosePlanCommand): Promise<CommandResult<PlanStatusAnswer>> {
    const at = await businessNow(this.clock);
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'ClosePlan', data: { planId, reason }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `close-${planId}`) },
    );
    if (!result.ok) return result;
    // The recorded time: a replayed request answers what its first attempt did.
    return accepted({ planId, status: 'closed', at: result.events[0]?.at ?? at });
  }
}
