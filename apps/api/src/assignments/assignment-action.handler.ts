import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AssignmentCommand, AssignmentState, CommandMetadata } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { idempotencyKeyOf } from '../actor/request-actor';
import { businessNow, executeOrReject } from '../commands/command-context';
import type { AssignmentAction, AssignmentActionBody } from '../routes/request-schemas';
import { AssignmentActionCommand, type AssignmentActionResult } from './assignment-action.command';
import { assertDepartmentOfPlan } from './known-department';

/** The route action and its validated body → the domain command of libs/domain's assignment.commands.ts. */
function toDomainCommand(action: AssignmentAction, assignmentId: string, body: AssignmentActionBody<AssignmentAction>, metadata: CommandMetadata): AssignmentCommand {
  const b = body as Partial<AssignmentActionBody<'progress'> & AssignmentActionBody<'reassign'>>;
  switch (action) {
    case 'acknowledge': return { type: 'AcknowledgeAssignment', data: { assignmentId }, metadata };
    case 'start': return { type: 'StartAssignment', data: { assignmentId }, metadata };
    case 'progress': return { type: 'ReportProgress', data: { assignmentId, note: b.note ?? '', count: b.count, attachments: b.attachments }, metadata };
    case 'submit': return { type: 'SubmitAssignment', data: { assignmentId, note: b.note ?? '', attachments: b.attachments }, metadata };
    case 'return': return { type: 'ReturnAssignment', data: { assignmentId, reason: b.reason ?? '' }, metadata };
    case 'accept': return { type: 'AcceptAssignment', data: { assignmentId, note: b.note }, metadata };
    case 'reassign': return { type: 'ReassignAssignment', data: { assignmentId, toDepartmentId: b.toDepartmentId ?? '', reason: b.reason ?? '' }, metadata };
    case 'waive': return { type: 'WaiveAssignment', data: { assignmentId, reason: b.reason ?? '' }, metadata };
  }
}

/** The assignment's decider judges the action; one never issued is its `not_found` (404). */
@CommandHandler(AssignmentActionCommand)
export class AssignmentActionHandler implements ICommandHandler<AssignmentActionCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ address, action, body, context }: AssignmentActionCommand): Promise<AssignmentActionResult> {
    const target = { aggregate: 'assignment', ...address } as const;
    if (action === 'reassign') await assertDepartmentOfPlan(this.executor, address.planId, (body as AssignmentActionBody<'reassign'>).toDepartmentId);
    const metadata = { actor: context.actor, at: await businessNow(this.clock) };
    const result = await executeOrReject(
      this.executor, target, toDomainCommand(action, address.assignmentId, body, metadata),
      { correlationId: context.correlationId, idempotencyKey: idempotencyKeyOf(context.headers, `${action}-${address.planId}.${address.assignmentId}`) },
    );
    const state = result.state as AssignmentState;
    return {
      ...address, status: state.status, departmentId: state.departmentId, dueAt: state.dueAt, reviewStep: state.reviewStep, progressCount: state.progressCount,
      events: result.events.map((event) => ({ type: event.type, at: event.at, actor: event.actor })),
    };
  }
}
