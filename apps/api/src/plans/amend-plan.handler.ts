import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanAmended } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { idempotencyKeyOf } from '../actor/request-actor';
import { assertScheduleInRange } from '../http/instant-range';
import { businessNow, executeOrReject } from '../commands/command-context';
import { InvalidPlanError } from '../http/api-errors';
import { AmendPlanCommand, type AmendedPlan } from './plan.commands';
import { PlanPreparationPool } from './preparation/plan-preparation.pool';

/** A decider field → where the caller sent it: the reason in the query or envelope, the rest is the definition. */
const amendmentFieldPath = (field: string): string => (field === 'reason' ? 'query.reason' : 'body');

@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler implements ICommandHandler<AmendPlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly preparation: PlanPreparationPool,
  ) {}

  async execute({ planId, upload, reason, context }: AmendPlanCommand): Promise<AmendedPlan> {
    // The route names the plan: a rebased copy is amended with the original's file, so its id is imposed.
    const prepared = await this.preparation.prepare({ ...upload, planId });
    if (!prepared.ok) throw new InvalidPlanError(prepared.errors, prepared.unlisted);
    assertScheduleInRange(prepared.schedule, upload.rebase);
    const result = await executeOrReject(
      this.executor, { aggregate: 'plan', planId },
      { type: 'AmendPlan', data: { planId, schedule: prepared.schedule, reason, source: prepared.source }, metadata: { actor: context.actor, at: await businessNow(this.clock) } },
      { correlationId: context.correlationId, idempotencyKey: idempotencyKeyOf(context.headers, `amend-${planId}`) },
      amendmentFieldPath,
    );
    const amended = result.events[0] as PlanAmended;
    return { planId, amendment: amended.data.amendment, reason, changes: amended.data.changes };
  }
}
