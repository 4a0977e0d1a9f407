import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanAmended, TargetStatusChanged } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, type CommandResult } from '../commands/command-result';
import { AmendPlanCommand, type AmendedPlan } from './plan.commands';
import { prepareInRange } from './prepare-in-range';
import { PlanPreparationPool } from './preparation/plan-preparation.pool';

@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler implements ICommandHandler<AmendPlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly preparation: PlanPreparationPool,
  ) {}

  async execute({ planId, upload, reason, context }: AmendPlanCommand): Promise<CommandResult<AmendedPlan>> {
    // The route names the plan: a rebased copy is amended with the original's file, so its id is imposed.
    const prepared = await prepareInRange(this.preparation, { ...upload, planId });
    if (!prepared.ok) return prepared;
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'AmendPlan', data: { planId, schedule: prepared.schedule, reason, source: prepared.source }, metadata: { actor: context.actor, at: await businessNow(this.clock) } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `amend-${planId}`) },
    );
    if (!result.ok) return result;
    const amended = result.events[0] as PlanAmended;
    // Statuses of targets judged again under the new terms, recorded in the same decision.
    const targetStatuses = result.events
      .filter((e): e is TargetStatusChanged => e.type === 'TargetStatusChanged')
      .map(({ data }) => ({ targetId: data.targetId, unitId: data.unitId, period: data.period, from: data.previousStatus ?? null, to: data.status, reason: data.reason }));
    return accepted({ planId, amendment: amended.data.amendment, reason, changes: amended.data.changes, targetStatuses, warnings: prepared.warnings });
  }
}
