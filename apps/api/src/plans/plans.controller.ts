import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import { Acting, commandContextOf } from '../actor/request-actor';
import { InvalidRequestError } from '../http/api-errors';
import { answerOf, type FieldPath } from '../http/command-answer';
import { GetPlanHistoryQuery } from '../history/history.queries';
import { decodeCursor } from '../read-models/assignment-paging';
import { GetPlanQuery, GetPlanSummaryQuery, ListPlansQuery, PlanTimelineQuery } from '../read-models/read-model.queries';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AssignRosterCommand, PlanRosterQuery, rosterFieldPath } from './assign-roster.handler';
import { AmendPlanCommand, ClosePhaseCommand, ClosePlanCommand, ImportPlanCommand, PublishPlanCommand, RecordMeasurementCommand, RecordOutsideEventCommand } from './plan.commands';

/** An uploaded definition's command fields: `rebase` came in the query, the rest is the body. */
const importFieldPath: FieldPath = (field) => (field === 'rebase' ? 'query.rebase' : 'body');
/** A replay's instant came in the query (`?asOf=`). */
const inQuery: FieldPath = (field) => `query.${field}`;
/** An amendment's reason came in the query (or its JSON envelope, answered as the query's). */
const amendmentFieldPath: FieldPath = (field) => (field === 'reason' ? 'query.reason' : importFieldPath(field));

/** Plans: commands through the CommandBus, reads through the QueryBus; their results answered here. */
@Controller()
export class PlansController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Route('importPlan')
  importPlan(@Valid('importPlan') request: RequestOf<'importPlan'>, @Acting() actor: Actor) {
    const { body, query } = request;
    return answerOf(this.commands.execute(new ImportPlanCommand({ ...body, rebase: query.rebase, planId: query.planId }, commandContextOf(request, actor))), importFieldPath);
  }

  @Route('publishPlan')
  publishPlan(@Valid('publishPlan') request: RequestOf<'publishPlan'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new PublishPlanCommand(request.params.id, commandContextOf(request, actor), request.query.confirmPastDue === 'true')));
  }

  @Route('amendPlan')
  amendPlan(@Valid('amendPlan') request: RequestOf<'amendPlan'>, @Acting() actor: Actor) {
    const { body, query, params } = request;
    const reason = query.reason ?? body.reason;
    if (!reason) throw new InvalidRequestError([{ path: 'query.reason', message: 'an amendment needs a reason for the record (?reason= or "reason" in the JSON envelope)' }]);
    return answerOf(this.commands.execute(new AmendPlanCommand(params.id, { ...body, rebase: query.rebase }, reason, commandContextOf(request, actor))), amendmentFieldPath);
  }

  @Route('closePlan')
  closePlan(@Valid('closePlan') request: RequestOf<'closePlan'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new ClosePlanCommand(request.params.id, request.body.reason, commandContextOf(request, actor))));
  }

  @Route('recordOutsideEvent')
  recordOutsideEvent(@Valid('recordOutsideEvent') request: RequestOf<'recordOutsideEvent'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new RecordOutsideEventCommand(request.params.id, request.body, commandContextOf(request, actor))));
  }

  @Route('closePhase')
  closePhase(@Valid('closePhase') request: RequestOf<'closePhase'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new ClosePhaseCommand(request.params.id, request.params.phaseId, commandContextOf(request, actor))));
  }

  @Route('assignRoster')
  assignRoster(@Valid('assignRoster') request: RequestOf<'assignRoster'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new AssignRosterCommand(request.params.id, request.body, commandContextOf(request, actor))), rosterFieldPath);
  }

  @Route('planRoster')
  planRoster(@Valid('planRoster') { params, query }: RequestOf<'planRoster'>) {
    return answerOf(this.queries.execute(new PlanRosterQuery(params.id, query.asOf)), inQuery);
  }

  @Route('recordMeasurement')
  recordMeasurement(@Valid('recordMeasurement') request: RequestOf<'recordMeasurement'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new RecordMeasurementCommand(request.params.id, request.body, commandContextOf(request, actor))));
  }

  @Route('listPlans')
  listPlans(@Valid('listPlans') { query }: RequestOf<'listPlans'>) {
    return this.queries.execute(new ListPlansQuery(query.status));
  }

  @Route('getPlan')
  getPlan(@Valid('getPlan') request: RequestOf<'getPlan'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const filter = { statuses: query.status, departmentId: query.department, phaseId: query.phase, measureId: query.measure, overdue: query.overdue };
    const page = { limit: query.limit, after: decodeCursor(query.cursor) };
    const asOf = query.asOf === undefined ? undefined : { asOf: query.asOf, basis: query.asOfBasis, viewer: { actor, correlationId: request.correlationId } };
    return answerOf(this.queries.execute(new GetPlanQuery(params.id, filter, page, asOf)), inQuery);
  }

  @Route('planSummary')
  planSummary(@Valid('planSummary') request: RequestOf<'planSummary'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const asOf = query.asOf === undefined ? undefined : { asOf: query.asOf, basis: query.asOfBasis, viewer: { actor, correlationId: request.correlationId } };
    return answerOf(this.queries.execute(new GetPlanSummaryQuery(params.id, asOf)), inQuery);
  }

  @Route('planTimeline')
  planTimeline(@Valid('planTimeline') { params, query }: RequestOf<'planTimeline'>) {
    return answerOf(this.queries.execute(new PlanTimelineQuery(params.id, query.events, query.timers)));
  }

  @Route('planHistory')
  planHistory(@Valid('planHistory') { params }: RequestOf<'planHistory'>) {
    return answerOf(this.queries.execute(new GetPlanHistoryQuery(params.id)));
  }
}
