import { Controller } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetAssignmentHistoryQuery } from '../history/history.queries';
import type { AssignmentAction } from '../routes/request-schemas';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AssignmentActionCommand } from './assignment-action.command';
import { AssignmentLocator } from './assignment-locator';

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

  private async act(action: AssignmentAction, request: RequestOf<ActionOperation>) {
    const address = await this.locator.locate(request.params.id, request.query.planId);
    const context = { headers: request.headers, correlationId: request.correlationId };
    return this.commands.execute(new AssignmentActionCommand(address, action, request.body as never, context));
  }

  @Route('acknowledgeAssignment')
  acknowledge(@Valid('acknowledgeAssignment') request: RequestOf<'acknowledgeAssignment'>) {
    return this.act('acknowledge', request);
  }

  @Route('startAssignment')
  start(@Valid('startAssignment') request: RequestOf<'startAssignment'>) {
    return this.act('start', request);
  }

  @Route('progressAssignment')
  progress(@Valid('progressAssignment') request: RequestOf<'progressAssignment'>) {
    return this.act('progress', request);
  }

  @Route('submitAssignment')
  submit(@Valid('submitAssignment') request: RequestOf<'submitAssignment'>) {
    return this.act('submit', request);
  }

  @Route('returnAssignment')
  giveBack(@Valid('returnAssignment') request: RequestOf<'returnAssignment'>) {
    return this.act('return', request);
  }

  @Route('acceptAssignment')
  accept(@Valid('acceptAssignment') request: RequestOf<'acceptAssignment'>) {
    return this.act('accept', request);
  }

  @Route('reassignAssignment')
  reassign(@Valid('reassignAssignment') request: RequestOf<'reassignAssignment'>) {
    return this.act('reassign', request);
  }

  @Route('waiveAssignment')
  waive(@Valid('waiveAssignment') request: RequestOf<'waiveAssignment'>) {
    return this.act('waive', request);
  }

  @Route('assignmentHistory')
  async history(@Valid('assignmentHistory') { params, query }: RequestOf<'assignmentHistory'>) {
    const { planId, assignmentId } = await this.locator.locate(params.id, query.planId);
    return this.queries.execute(new GetAssignmentHistoryQuery(planId, assignmentId));
  }
}
