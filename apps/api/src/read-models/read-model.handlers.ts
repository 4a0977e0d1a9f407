import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamNames } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { departmentInbox, getPlanOverview, listPlans, overdueList, upcomingTimers } from '@planledger/projections';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import { PlanAsOfReader } from '../audit/plan-as-of.reader';
import { NotFoundError } from '../http/api-errors';
import { readHistory, type HistoryEntry } from '../history/history-entry';
import { DepartmentInboxQuery, GetPlanQuery, ListPlansQuery, OverdueListQuery, PlanTimelineQuery, type PlanTimeline } from './read-model.queries';

/* The read models are eventually consistent: they show what the projection runner has applied. */

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ status }: ListPlansQuery) {
    const plans = await listPlans(this.storage.database);
    return { plans: status ? plans.filter((plan) => plan.status === status) : plans };
  }
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly planAsOf: PlanAsOfReader) {}

  async execute({ planId, asOf }: GetPlanQuery) {
    if (asOf) return this.planAsOf.read(planId, asOf);
    const overview = await getPlanOverview(this.storage.database, planId);
    if (!overview) throw new NotFoundError('plan', planId);
    return overview;
  }
}

/** Newest business time first; the record's order breaks ties. */
const newestFirst = (a: HistoryEntry, b: HistoryEntry) => Date.parse(b.businessTime) - Date.parse(a.businessTime) || (b.position > a.position ? 1 : -1);

/**
 * The N most recent events of a plan's streams. An assignment's recent event makes its stream's
 * last event at least as recent, so only the N most recently changed assignments can contribute.
 */
@QueryHandler(PlanTimelineQuery)
export class PlanTimelineHandler implements IQueryHandler<PlanTimelineQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, events, timers }: PlanTimelineQuery): Promise<PlanTimeline> {
    const overview = await getPlanOverview(this.storage.database, planId);
    if (!overview) throw new NotFoundError('plan', planId);
    const latest = { direction: 'backwards', maxCount: events } as const;
    const recentlyChanged = [...overview.assignments].sort((a, b) => Date.parse(b.lastEventAt) - Date.parse(a.lastEventAt)).slice(0, events);
    const streams = [
      streamNames.plan(planId),
      ...overview.phases.map((phase) => streamNames.phase(planId, phase.phaseId)),
      ...recentlyChanged.map((a) => streamNames.assignment(planId, a.assignmentId)),
    ];
    const read = await Promise.all(streams.map((stream) => readHistory(this.storage.store, stream, latest)));
    return {
      planId,
      businessTime: (await this.clock.now()).toISOString(),
      recent: read.flat().sort(newestFirst).slice(0, events),
      upcoming: await upcomingTimers(this.storage.database, planId, { limit: timers }),
    };
  }
}

@QueryHandler(DepartmentInboxQuery)
export class DepartmentInboxHandler implements IQueryHandler<DepartmentInboxQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ departmentId, planId }: DepartmentInboxQuery) {
    // "Overdue" is judged at business time, so the virtual clock moves inboxes too.
    const businessTime = (await this.clock.now()).toISOString();
    const items = await departmentInbox(this.storage.database, departmentId, businessTime);
    return { departmentId, businessTime, items: planId ? items.filter((item) => item.planId === planId) : items };
  }
}

@QueryHandler(OverdueListQuery)
export class OverdueListHandler implements IQueryHandler<OverdueListQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ planId }: OverdueListQuery) {
    return { items: await overdueList(this.storage.database, { planId }) };
  }
}
