import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanState } from '@planledger/domain';
import type { CommandExecutor } from '@planledger/engine';
import { COMMAND_EXECUTOR } from '@planledger/runtime';
import { InvalidPlanError } from '../../http/api-errors';
import { assertScheduleInRange } from '../../http/instant-range';
import { PlanPreparationPool } from '../preparation/plan-preparation.pool';
import { PreviewPlanQuery, type PlanImportPreview } from './plan-preview.queries';

/**
 * The import preview: the same checks as POST /plans (same problems, same 400), then the whole
 * plan simulated in the preparation thread. It reads the plan's stream only to say whether the
 * id is taken; it appends nothing.
 */
@QueryHandler(PreviewPlanQuery)
export class PreviewPlanHandler implements IQueryHandler<PreviewPlanQuery> {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor, private readonly preparation: PlanPreparationPool) {}

  async execute({ upload }: PreviewPlanQuery): Promise<PlanImportPreview> {
    const previewed = await this.preparation.preview(upload);
    if (!previewed.ok) throw new InvalidPlanError(previewed.errors, previewed.unlisted);
    assertScheduleInRange(previewed.schedule, upload.rebase);
    const { status } = (await this.executor.load({ aggregate: 'plan', planId: previewed.schedule.planId })).state as PlanState;
    return { ...previewed.preview, existingStatus: status };
  }
}
