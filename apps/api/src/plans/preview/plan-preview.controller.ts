import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import { Acting } from '../../actor/request-actor';
import { answerOf, type FieldPath } from '../../http/command-answer';
import { Route, Valid, type RequestOf } from '../../routes/route.decorators';
import { PreviewAmendmentQuery, PreviewPlanQuery } from './plan-preview.queries';

/** As for import and amendment: a rebase came in the query, the rest of a plan upload is the body. */
const uploadFieldPath: FieldPath = (field) => (field === 'rebase' ? 'query.rebase' : 'body');

/** Dry runs of import and amendment: through the QueryBus, since they record nothing. */
@Controller()
export class PlanPreviewController {
  constructor(private readonly queries: QueryBus) {}

  @Route('previewPlan')
  previewPlan(@Valid('previewPlan') { body, query }: RequestOf<'previewPlan'>) {
    return answerOf(this.queries.execute(new PreviewPlanQuery({ text: body.text, fileName: body.fileName, files: body.files, rebase: query.rebase, planId: query.planId })), uploadFieldPath);
  }

  @Route('previewAmendment')
  previewAmendment(@Valid('previewAmendment') { body, query, params }: RequestOf<'previewAmendment'>, @Acting() actor: Actor) {
    return answerOf(this.queries.execute(new PreviewAmendmentQuery(params.id, { text: body.text, fileName: body.fileName, files: body.files, rebase: query.rebase }, actor)), uploadFieldPath);
  }
}
