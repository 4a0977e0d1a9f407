import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { idempotencyKeyOf } from '../actor/request-actor';
import { businessNow, executeOrReject } from '../commands/command-context';
import { PublishPlanCommand, type PlanStatusAnswer } from './plan.commands';

/** Publishing is all the api does; phases and assignments follow from the reactor and the timers. */
@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, context }: PublishPlanCommand): Promise<PlanStatusAnswer> {
    const at = await businessNow(this.clock);
    const result = await executeOrReject(
      this.executor, { aggregate: 'plan', planId },
      { type: 'PublishPlan', data: { planId }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: idempotencyKeyOf(context.headers, `publish-${planId}`) },
    );
    // The recorded time: a replayed request answers what its first attempt did.
    return { planId, status: 'published', at: result.events[0]?.at ?? at };
  }
}
