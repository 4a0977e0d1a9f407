import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import { Acting } from '../actor/request-actor';
import { InvalidRequestError } from '../http/api-errors';
import { GetPlanHistoryQuery } from '../history/history.queries';
import { decodeCursor } from '../read-models/assignment-paging';
import { GetPlanQuery, GetPlanSummaryQuery, ListPlansQuery, PlanTimelineQuery } from '../read-models/read-model.queries';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AmendPlanCommand, ClosePlanCommand, ImportPlanCommand, PublishPlanCommand } from './plan.commands';

const contextOf = (request: { headers: RequestOf<'importPlan'>['headers']; correlationId: string }, actor: Actor) => ({ headers: request.headers, actor, correlationId: request.correlationId });

/** Plans: commands through the CommandBus, reads through the QueryBus. */
@Controller()
export class PlansController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Route('importPlan')
  importPlan(@Valid('importPlan') request: RequestOf<'importPlan'>, @Acting() actor: Actor) {
    const { body, query } = request;
    return this.commands.execute(new ImportPlanCommand({ ...body, rebase: query.rebase, planId: query.planId }, contextOf(request, actor)));
  }

  @Route('publishPlan')
  publishPlan(@Valid('publishPlan') request: RequestOf<'publishPlan'>, @Acting() actor: Actor) {
    return this.commands.execute(new PublishPlanCommand(request.params.id, contextOf(request, actor), request.query.confirmPastDue === 'true'));
  }

  @Route('amendPlan')
  amendPlan(@Valid('amendPlan') request: RequestOf<'amendPlan'>, @Acting() actor: Actor) {
    const { body, query, params } = request;
    const reason = query.reason ?? body.reason;
    if (!reason) throw new InvalidRequestError([{ path: 'query.reason', message: 'an amendment needs a reason for the record (?reason= or "reason" in the JSON envelope)' }]);
    return this.commands.execute(new AmendPlanCommand(params.id, { ...body, rebase: query.rebase }, reason, contextOf(request, actor)));
  }

  @Route('closePlan')
  closePlan(@Valid('closePlan') request: RequestOf<'closePlan'>, @Acting() actor: Actor) {
    return this.commands.execute(new ClosePlanCommand(request.params.id, request.body.reason, contextOf(request, actor)));
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
    return this.queries.execute(new GetPlanQuery(params.id, filter, page, asOf));
  }

  @Route('planSummary')
  planSummary(@Valid('planSummary') request: RequestOf<'planSummary'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const asOf = query.asOf === undefined ? undefined : { asOf: query.asOf, basis: query.asOfBasis, viewer: { actor, correlationId: request.correlationId } };
    return this.queries.execute(new GetPlanSummaryQuery(params.id, asOf));
  }

  @Route('planTimeline')
  planTimeline(@Valid('planTimeline') { params, query }: RequestOf<'planTimeline'>) {
    return this.queries.execute(new PlanTimelineQuery(params.id, query.events, query.timers));
  }

  @Route('planHistory')
  planHistory(@Valid('planHistory') { params }: RequestOf<'planHistory'>) {
    return this.queries.execute(new GetPlanHistoryQuery(params.id));
  }
}
