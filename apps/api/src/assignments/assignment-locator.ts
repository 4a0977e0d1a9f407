import { Inject, Injectable } from '@nestjs/common';
import type { CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { AmbiguousAssignmentError, getAssignment } from '@planledger/projections';
import { COMMAND_EXECUTOR, EVENT_STORAGE } from '@planledger/runtime';
import { ApiError, NotFoundError } from '../http/api-errors';

export interface AssignmentAddress {
  planId: string;
  assignmentId: string;
}

/**
 * Assignment ids are unique only inside a plan (a rebased copy reuses them). The route takes a
 * bare id with `?planId=`, a bare id unique across plans, or the ref `${planId}.${assignmentId}`
 * the read models hand out.
 */
@Injectable()
export class AssignmentLocator {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
  ) {}

  async locate(id: string, planId: string | undefined): Promise<AssignmentAddress> {
    if (planId !== undefined) return { planId, assignmentId: id.startsWith(`${planId}.`) ? id.slice(planId.length + 1) : id };
    try {
      const found = await getAssignment(this.storage.database, undefined, id);
      if (found) return { planId: found.planId, assignmentId: found.assignmentId };
    } catch (error) {
      if (error instanceof AmbiguousAssignmentError) {
        throw new ApiError(409, { error: 'ambiguous_assignment', message: error.message, candidates: error.candidates });
      }
      throw error;
    }
    // The read model may lag the store by a moment: a ref names its plan (plan ids hold no dots).
    const dot = id.indexOf('.');
    if (dot > 0) {
      const address = { planId: id.slice(0, dot), assignmentId: id.slice(dot + 1) };
      const { state } = await this.executor.load({ aggregate: 'assignment', ...address });
      if (state.status !== 'not_issued') return address;
    }
    throw new NotFoundError('assignment', id);
  }
}
