import { Controller, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { renderAssessmentXlsx } from '@planledger/bulletins';
import type { Actor } from '@planledger/domain';
import type { Response } from 'express';
import { Acting } from '../actor/request-actor';
import { attachmentDisposition } from '../files/content-disposition';
import { answerOf, type FieldPath } from '../http/command-answer';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AssessmentQuery } from './assessment.handlers';

const inQuery: FieldPath = (field) => `query.${field}`;

/** 考核: the plan's rubric applied to the record as of a moment, as JSON and as a workbook (ADR 0025). */
@Controller()
export class AssessmentController {
  constructor(private readonly queries: QueryBus) {}

  @Route('planAssessment')
  async get(@Valid('planAssessment') request: RequestOf<'planAssessment'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const answer = await answerOf(this.queries.execute(new AssessmentQuery(params.id, query.asOf, query.asOfBasis, query.period, { actor, correlationId: request.correlationId })), inQuery);
    return answer.assessment;
  }

  @Route('planAssessmentExport')
  async export(@Valid('planAssessmentExport') request: RequestOf<'planAssessmentExport'>, @Acting() actor: Actor, @Res() res: Response): Promise<void> {
    const { params, query } = request;
    const { assessment, planTitle, asOf } = await answerOf(this.queries.execute(new AssessmentQuery(params.id, query.asOf, query.asOfBasis, query.period, { actor, correlationId: request.correlationId })), inQuery);
    const body = await renderAssessmentXlsx(assessment, { planTitle, asOf: asOf.instant, basis: asOf.basis });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachmentDisposition(`${params.id}-考核-${assessment.period.kind === 'phase' ? assessment.period.phaseId : 'plan'}-${assessment.judgedAt.slice(0, 10)}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-cache');
    res.status(200).end(body);
  }
}
