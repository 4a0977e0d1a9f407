import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, rejected, type CommandResult } from '../commands/command-result';
import { ImportPlanCommand, type ImportedPlan } from './plan.commands';
import { prepareInRange } from './prepare-in-range';
import { PlanPreparationPool } from './preparation/plan-preparation.pool';

/** Checks and compiles an uploaded definition; drafts the plan, or revises its draft while unpublished. */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly preparation: PlanPreparationPool,
  ) {}

  async execute({ upload, context }: ImportPlanCommand): Promise<CommandResult<ImportedPlan>> {
    const prepared = await prepareInRange(this.preparation, upload);
    if (!prepared.ok) return prepared;
    const { schedule, source } = prepared;
    const planId = schedule.planId;
    const target = { aggregate: 'plan', planId } as const;
    const { status } = (await this.executor.load(target)).state as PlanState;
    if (status === 'published' || status === 'closed') {
      return rejected({
        kind: 'refused', status, allowed: status === 'published' ? ['AmendPlan', 'ClosePlan'] : [],
        message: `plan ${planId} is ${status}: send changes as an amendment (POST /plans/${planId}/amendments), or import under another ?planId=`,
      });
    }
    const result = await executeCommand(
      this.executor, target,
      { type: status === 'draft' ? 'ReviseDraft' : 'DraftPlan', data: { planId, schedule, source }, metadata: { actor: context.actor, at: await businessNow(this.clock) } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `import-${planId}`) },
    );
    if (!result.ok) return result;
    // From the events: a replayed request answers what its first attempt did.
    const revised = result.events[0]?.type === 'PlanDraftRevised' || (result.events.length === 0 && status === 'draft');
    return accepted({
      planId, status: 'draft', revised, title: schedule.title, startsAt: schedule.startsAt, endsAt: schedule.endsAt,
      phases: schedule.phases.length, obligations: schedule.obligations.length, departments: schedule.departments.length,
      warnings: prepared.warnings,
    });
  }
}
