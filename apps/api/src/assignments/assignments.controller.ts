import { Controller } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import { Acting, commandContextOf } from '../actor/request-actor';
import { answerOf } from '../http/command-answer';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetAssignmentHistoryQuery } from '../history/history.queries';
import type { AssignmentAction } from '../routes/request-schemas';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AssignmentActionCommand } from './assignment-action.command';
import { AssignmentLocator } from './assignment-locator';
import { AssignmentDetailQuery } from './assignment-detail.handler';
import { Caller } from './caller.decorator';
import type { Principal } from '@planledger/auth';

type ActionOperation =
  | 'acknowledgeAssignment' | 'startAssignment' | 'progressAssignment' | 'submitAssignment'
  | 'returnAssignment' | 'acceptAssignment' | 'reassignAssignment' | 'waiveAssignment';

/** One method per action: each has its own body schema, so each is its own documented route. */
@Controller()
export class AssignmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly locator: AssignmentLocator,
  ) {}

  private async act(action: AssignmentAction, request: RequestOf<ActionOperation>, actor: Actor) {
    const address = await this.locator.locate(request.params.id, request.query.planId);
    return answerOf(this.commands.execute(new AssignmentActionCommand(address, action, request.body as never, commandContextOf(request, actor))));
  }

  @Route('acknowledgeAssignment')
  acknowledge(@Valid('acknowledgeAssignment') request: RequestOf<'acknowledgeAssignment'>, @Acting() actor: Actor) {
    return this.act('acknowledge', request, actor);
  }

  @Route('startAssignment')
  start(@Valid('startAssignment') request: RequestOf<'startAssignment'>, @Acting() actor: Actor) {
    return this.act('start', request, actor);
  }

  @Route('progressAssignment')
  progress(@Valid('progressAssignment') request: RequestOf<'progressAssignment'>, @Acting() actor: Actor) {
    return this.act('progress', request, actor);
  }

  @Route('submitAssignment')
  submit(@Valid('submitAssignment') request: RequestOf<'submitAssignment'>, @Acting() actor: Actor) {
    return this.act('submit', request, actor);
  }

  @Route('returnAssignment')
  giveBack(@Valid('returnAssignment') request: RequestOf<'returnAssignment'>, @Acting() actor: Actor) {
    return this.act('return', request, actor);
  }

  @Route('acceptAssignment')
  accept(@Valid('acceptAssignment') request: RequestOf<'acceptAssignment'>, @Acting() actor: Actor) {
    return this.act('accept', request, actor);
  }

  @Route('reassignAssignment')
  reassign(@Valid('reassignAssignment') request: RequestOf<'reassignAssignment'>, @Acting() actor: Actor) {
    return this.act('reassign', request, actor);
  }

  @Route('waiveAssignment')
  waive(@Valid('waiveAssignment') request: RequestOf<'waiveAssignment'>, @Acting() actor: Actor) {
    return this.act('waive', request, actor);
  }

  @Route('assignmentDetail')
  async detail(@Valid('assignmentDetail') request: RequestOf<'assignmentDetail'>, @Caller() principal: Principal, @Acting() actor: Actor) {
    const { params, query } = request;
    const address = await this.locator.locate(params.id, query.planId);
    const asOf = query.asOf === undefined ? undefined : { asOf: query.asOf, basis: query.asOfBasis, viewer: { actor, correlationId: request.correlationId } };
    return answerOf(this.queries.execute(new AssignmentDetailQuery(address, principal, asOf)), (field) => `query.${field}`);
  }

  @Route('assignmentHistory')
  async history(@Valid('assignmentHistory') { params, query }: RequestOf<'assignmentHistory'>) {
    const { planId, assignmentId } = await this.locator.locate(params.id, query.planId);
    return answerOf(this.queries.execute(new GetAssignmentHistoryQuery(planId, assignmentId)));
  }
}
