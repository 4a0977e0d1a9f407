import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import { Acting, commandContextOf } from '../actor/request-actor';
import { answerOf, type FieldPath } from '../http/command-answer';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ListFindingsQuery, RecordFindingCommand, RecordInspectionCommand } from './inspection.commands';

/** A replay's instant came in the query (`?asOf=`). */
const inQuery: FieldPath = (field) => `query.${field}`;

/** Inspections (督查) and their findings (ADR 0024): commands through the CommandBus, the list through the QueryBus. */
@Controller()
export class InspectionsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Route('recordInspection')
  recordInspection(@Valid('recordInspection') request: RequestOf<'recordInspection'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new RecordInspectionCommand(request.params.id, request.body, commandContextOf(request, actor))));
  }

  @Route('recordFinding')
  recordFinding(@Valid('recordFinding') request: RequestOf<'recordFinding'>, @Acting() actor: Actor) {
    const { params, body } = request;
    return answerOf(this.commands.execute(new RecordFindingCommand(params.id, params.inspectionId, body, commandContextOf(request, actor))));
  }

  @Route('listFindings')
  listFindings(@Valid('listFindings') request: RequestOf<'listFindings'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const asOf = query.asOf === undefined ? undefined : { asOf: query.asOf, basis: query.asOfBasis };
    return answerOf(this.queries.execute(new ListFindingsQuery(params.id, { unitId: query.unit }, asOf, actor)), inQuery);
  }
}
