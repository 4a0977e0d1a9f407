import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@planledger/auth';
import type { AssignmentStatus } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { holdingIndex, INBOX_GROUPS, myInbox, rosterHoldings, type InboxGroup, type RosterHolding } from '@planledger/projections';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import { allowedActionsFor } from '../assignments/allowed-actions';
import type { InboxItemResponse, MyInboxResponse } from '../assignments/assignment-response-schemas';
import { DepartmentDirectory, departmentName } from './department-directory';

export class MyInboxQuery extends Query<MyInboxResponse> {
  constructor(
    readonly principal: Principal,
    readonly filter: { planId?: string; statuses?: AssignmentStatus[]; limit: number },
  ) {
    super();
  }
}

/** The caller's inbox: every department they reach, in every plan, judged at business time. */
@QueryHandler(MyInboxQuery)
export class MyInboxHandler implements IQueryHandler<MyInboxQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: DepartmentDirectory,
  ) {}

  async execute({ principal, filter }: MyInboxQuery): Promise<MyInboxResponse> {
    const now = await this.clock.now();
    const reach = await this.directory.reachByPlan(principal.departments);
    const plans = await this.directory.current();
    const { items, counts } = await myInbox(this.storage.database, { reach, now, planId: filter.planId, statuses: filter.statuses, limitPerGroup: filter.limit, personId: principal.subject });
    const holdingOf = holdingIndex(await rosterHoldings(this.storage.database, [...new Set(items.filter((i) => i.role !== null).map((i) => i.planId))]));
    const groups = Object.fromEntries(INBOX_GROUPS.map((name) => [name, [] as InboxItemResponse[]])) as Record<InboxGroup, InboxItemResponse[]>;
    for (const item of items) {
      const inPlan = reach.get(item.planId) ?? new Set(principal.departments);
      groups[item.group].push({
        assignmentId: item.assignmentId, ref: item.ref, planId: item.planId, planTitle: item.planTitle,
        measureId: item.measureId, measureTitle: item.title, periodKey: item.periodKey,
        departmentId: item.departmentId, departmentName: departmentName(plans, item.planId, item.departmentId),
        dueAt: item.dueAt, status: item.status as InboxItemResponse['status'], overdue: item.group === 'overdue', overdueSince: item.overdueSince,
        escalationLevel: item.escalationLevel, submittedAt: item.submittedAt, acceptedAt: item.acceptedAt,
        currentReviewer: item.currentReviewer,
        currentReviewerName: item.currentReviewer === null ? null : departmentName(plans, item.planId, item.currentReviewer),
        // The roster's holder acts for the unit on this work, as the guard lets them (ADR 0022).
        allowedActions: allowedActionsFor(principal, item, (department) => inPlan.has(department) || (item.heldByMe && department === item.departmentId)),
        role: item.role === null ? null : roleHoldersOf(item.role, holdingOf(item.planId, item.role, item.departmentId)),
        heldByMe: item.heldByMe,
      });
    }
    const open = counts.overdue + counts.dueWithin7Days + counts.awaitingMyReview + counts.inProgress;
    return { now: now.toISOString(), groups, counts: { ...counts, open } };
  }
}

/** A role's holders as the inbox and the assignment page show them (empty people: 未指定). */
export const roleHoldersOf = (roleId: string, holding: RosterHolding | undefined) => ({
  roleId,
  people: holding?.people.map(({ personId, name }) => ({ personId, name })) ?? [],
  since: holding?.since ?? null,
});
