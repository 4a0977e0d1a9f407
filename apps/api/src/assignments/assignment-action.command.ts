import { Command } from '@nestjs/cqrs';
import type { AssignmentStatus } from '@planledger/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';
import type { AssignmentAction, AssignmentActionBody } from '../routes/request-schemas';
import type { AssignmentAddress } from './assignment-locator';

export interface AssignmentActionResult {
  planId: string;
  assignmentId: string;
  status: AssignmentStatus;
  departmentId: string;
  dueAt: string;
  /** Who holds a submission now (review chains may have several steps). */
  reviewStep: number;
  progressCount: number;
  events: { type: string; at: string; actor: { userId: string; role: string; departmentId?: string } }[];
}

export class AssignmentActionCommand<A extends AssignmentAction = AssignmentAction> extends Command<CommandResult<AssignmentActionResult>> {
  constructor(
    readonly address: AssignmentAddress,
    readonly action: A,
    readonly body: AssignmentActionBody<A>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
