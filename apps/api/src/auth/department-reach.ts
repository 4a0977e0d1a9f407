import { Inject, Injectable } from '@nestjs/common';
import { reviewChainOf, type ScheduledDepartment } from '@planledger/domain';
import type { CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { holdingIndex, rosterHoldings } from '@planledger/projections';
import { COMMAND_EXECUTOR, EVENT_STORAGE } from '@planledger/runtime';
import { AssignmentLocator } from '../assignments/assignment-locator';
import { NotFoundError } from '../http/api-errors';
import type { DepartmentScope } from './route-policies';

/** What a request touches, as far as departments go. */
export interface ScopeTarget {
  /** The department whose reach decides; undefined when nobody's (a review chain already ended). */
  departmentId: string | undefined;
  /** The plan whose department tree applies (all plans' trees for a bare department route). */
  planId?: string;
  /** Further departments whose reach decides as well (`assignment-party`: the review chain). */
  alsoDepartmentIds?: string[];
  /** The role whose holders at `departmentId` carry the work (ADR 0022): the roster's people reach it too. */
  roleId?: string;
}

/**
 * Department hierarchy = `parent` in the plans' schedules (read_plans.schedule). A person of a
 * department reaches it and every department under it, in any plan that places it there.
 */
@Injectable()
export class DepartmentReach {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly locator: AssignmentLocator,
  ) {}

  /** The department a scope rule looks at for this request (404 / 409 from the locator when the assignment is unknown or ambiguous). */
  async targetOf(scope: DepartmentScope, params: Record<string, string>, query: Record<string, unknown>): Promise<ScopeTarget> {
    if (scope === 'department') return { departmentId: params.id };
    const planId = typeof query.planId === 'string' ? query.planId : undefined;
    const address = await this.locator.locate(params.id ?? '', planId);
    const { state } = await this.executor.load({ aggregate: 'assignment', ...address });
    // As the command handler would answer: an assignment not issued (yet) is not there for anyone.
    if (state.status === 'not_issued') throw new NotFoundError('assignment', `${address.planId}.${address.assignmentId}`);
    if (scope === 'assignment-reviewer') return { departmentId: reviewChainOf(state.obligation)[state.reviewStep], planId: address.planId };
    const role = state.obligation?.role === undefined ? {} : { roleId: state.obligation.role };
    if (scope === 'assignment-party') return { departmentId: state.departmentId, planId: address.planId, alsoDepartmentIds: reviewChainOf(state.obligation), ...role };
    return { departmentId: state.departmentId, planId: address.planId, ...role };
  }

  /** Whether the roster names this person, now, for the target's role at its department (the work's holder side only). */
  async holdsRole(personId: string, target: ScopeTarget): Promise<boolean> {
    if (target.roleId === undefined || target.planId === undefined || target.departmentId === undefined) return false;
    const holding = holdingIndex(await rosterHoldings(this.storage.database, [target.planId]))(target.planId, target.roleId, target.departmentId);
    return holding?.people.some((p) => p.personId === personId) ?? false;
  }

  /** The caller's department that reaches `target` (itself or an ancestor), if any. */
  async coveringDepartment(own: readonly string[], target: ScopeTarget): Promise<string | undefined> {
    const covering = await this.coveringOne(own, target);
    if (covering !== undefined) return covering;
    for (const departmentId of target.alsoDepartmentIds ?? []) {
      const also = await this.coveringOne(own, { departmentId, planId: target.planId });
      if (also !== undefined) return also;
    }
    return undefined;
  }

  private async coveringOne(own: readonly string[], target: ScopeTarget): Promise<string | undefined> {
    if (target.departmentId === undefined || own.length === 0) return undefined;
    if (own.includes(target.departmentId)) return target.departmentId;
    const parents = await this.parentsOf(target.planId);
    const seen = new Set<string>([target.departmentId]);
    let frontier = [target.departmentId];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const parent of parents.get(id) ?? []) {
          if (own.includes(parent)) return parent;
          if (!seen.has(parent)) {
            seen.add(parent);
            next.push(parent);
          }
        }
      }
      frontier = next;
    }
    return undefined;
  }

  private async parentsOf(planId: string | undefined): Promise<Map<string, Set<string>>> {
    const rows = await this.storage.database.query<{ departments: string | null }>(
      `select (schedule->'departments')::text as departments from read_plans${planId === undefined ? '' : ' where plan_id = $1'}`,
      planId === undefined ? [] : [planId],
    );
    const parents = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const department of JSON.parse(row.departments ?? '[]') as ScheduledDepartment[]) {
        if (department.parent) parents.set(department.id, (parents.get(department.id) ?? new Set()).add(department.parent));
      }
    }
    return parents;
  }
}
