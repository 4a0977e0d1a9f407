import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, type CommandRejection, type CommandResult } from '../commands/command-result';
import { pastDueAt } from './past-due';
import { PublishPlanCommand, type PlanStatusAnswer } from './plan.commands';

/** Publishing is all the api does; phases and assignments follow from the reactor and the timers. */
@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, context, confirmPastDue }: PublishPlanCommand): Promise<CommandResult<PlanStatusAnswer>> {
    const at = await businessNow(this.clock);
    const unconfirmed = confirmPastDue ? undefined : await this.unconfirmedPastDue(planId, at);
    if (unconfirmed) return { ok: false, rejection: unconfirmed };
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'PublishPlan', data: { planId }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `publish-${planId}`) },
    );
    if (!result.ok) return result;
    // The recorded time: a replayed request answers what its first attempt did.
    return accepted({ planId, status: 'published', at: result.events[0]?.at ?? at });
  }

  /** A draft whose span has started: say how much is already past due, and publish only when confirmed. */
  private async unconfirmedPastDue(planId: string, at: string): Promise<CommandRejection | undefined> {
    const { state } = await this.executor.load({ aggregate: 'plan', planId });
    const plan = state as PlanState;
    if (plan.status !== 'draft' || !plan.schedule) return undefined;
    const { count, firstDueAt } = pastDueAt(plan.schedule, at);
    if (count === 0) return undefined;
    return {
      kind: 'conflict', code: 'past_due_confirmation_required', details: { pastDue: count, firstDueAt },
      message: `${count} assignment(s) of ${planId} are already past due at ${at} (the first on ${firstDueAt}); publishing issues them at once as overdue. Publish again with ?confirmPastDue=true to go ahead.`,
    };
  }
}
