import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PlanState } from '@planledger/domain';
import type { CommandExecutor } from '@planledger/engine';
import { COMMAND_EXECUTOR } from '@planledger/runtime';
import { accepted, type QueryResult } from '../../commands/command-result';
import { previewInRange } from '../prepare-in-range';
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

  async execute({ upload }: PreviewPlanQuery): Promise<QueryResult<PlanImportPreview>> {
    const previewed = await previewInRange(this.preparation, upload);
    if (!previewed.ok) return previewed;
    const { status } = (await this.executor.load({ aggregate: 'plan', planId: previewed.schedule.planId })).state as PlanState;
    return accepted({ ...previewed.preview, existingStatus: status, warnings: previewed.warnings });
  }
}
