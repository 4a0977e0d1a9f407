import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamNames } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { departmentInbox, getPlanOverview, listPlans, overdueList, planAssignmentsPage, upcomingTimers } from '@planledger/projections';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import { PlanAsOfReader } from '../audit/plan-as-of.reader';
import { accepted, notFound, type QueryResult } from '../commands/command-result';
import { readHistory, type HistoryEntry } from '../history/history-entry';
import { encodeCursor, pageOf } from './assignment-paging';
import { OutsideEventsReader } from './outside-events.reader';
import { PlanSummaryCache } from './plan-summary.cache';
import { DepartmentInboxQuery, GetPlanQuery, GetPlanSummaryQuery, ListPlansQuery, OverdueListQuery, PlanTimelineQuery, type PlanPage, type PlanSummaryView, type PlanTimeline } from './read-model.queries';

/* The read models are eventually consistent: they show what the projection runner has applied. */

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ status }: ListPlansQuery) {
    const plans = await listPlans(this.storage.database);
    return { plans: status ? plans.filter((plan) => plan.status === status) : plans };
  }
}

/** The summary and one page of assignments; replayed as of a date, the same filter and page over the replay. */
@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly planAsOf: PlanAsOfReader,
    private readonly summaries: PlanSummaryCache,
    private readonly outsideEvents: OutsideEventsReader,
  ) {}

  async execute({ planId, filter, page, asOf }: GetPlanQuery): Promise<QueryResult<PlanPage>> {
    if (asOf) {
      // A department's page replays that department's work only (ADR 0012).
      const read = await this.planAsOf.read(planId, asOf, 'GET /plans/{id}?asOf', filter.departmentId ? { departmentId: filter.departmentId } : undefined);
      if (!read.ok) return read;
      const { assignments, ...replayed } = read.value;
      const { items, next } = pageOf(assignments, filter, page, replayed.asOf.instant);
      const outsideEvents = await this.outsideEvents.named(replayed.outsideEvents);
      return accepted({ ...replayed, outsideEvents, assignments: items, page: { limit: page.limit, nextCursor: encodeCursor(next) } });
    }
    const summary = await this.summaries.summaryOf(planId);
    if (!summary) return notFound('plan', planId);
    // "Overdue" is judged at business time, as in the inboxes.
    const businessTime = (await this.clock.now()).toISOString();
    // Outside events and targets come from the plan's own stream, kept parsed (no read model needed).
    const [{ items, next }, outsideEvents, targets] = await Promise.all([
      planAssignmentsPage(this.storage.database, planId, filter, page, businessTime),
      this.outsideEvents.read(planId, businessTime).then((views) => this.outsideEvents.named(views)),
      this.outsideEvents.targets(planId),
    ]);
    return accepted({ ...summary, outsideEvents, ...(targets && { targets }), assignments: items, page: { limit: page.limit, nextCursor: encodeCursor(next) } });
  }
}

@QueryHandler(GetPlanSummaryQuery)
export class GetPlanSummaryHandler implements IQueryHandler<GetPlanSummaryQuery> {
  constructor(private readonly planAsOf: PlanAsOfReader, private readonly summaries: PlanSummaryCache) {}

  async execute({ planId, asOf }: GetPlanSummaryQuery): Promise<QueryResult<PlanSummaryView>> {
    if (asOf) {
      const read = await this.planAsOf.read(planId, asOf, 'GET /plans/{id}/summary?asOf');
      if (!read.ok) return read;
      const { assignments: _left, outsideEvents: _events, ...replayed } = read.value;
      return accepted(replayed);
    }
    const summary = await this.summaries.summaryOf(planId);
    return summary ? accepted(summary) : notFound('plan', planId);
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

  async execute({ planId, events, timers }: PlanTimelineQuery): Promise<QueryResult<PlanTimeline>> {
    const overview = await getPlanOverview(this.storage.database, planId);
    if (!overview) return notFound('plan', planId);
    const latest = { direction: 'backwards', maxCount: events } as const;
    const recentlyChanged = [...overview.assignments].sort((a, b) => Date.parse(b.lastEventAt) - Date.parse(a.lastEventAt)).slice(0, events);
    const streams = [
      streamNames.plan(planId),
      ...overview.phases.map((phase) => streamNames.phase(planId, phase.phaseId)),
      ...recentlyChanged.map((a) => streamNames.assignment(planId, a.assignmentId)),
    ];
    const read = await Promise.all(streams.map((stream) => readHistory(this.storage.store, stream, latest)));
    return accepted({
      planId,
      businessTime: (await this.clock.now()).toISOString(),
      recent: read.flat().sort(newestFirst).slice(0, events),
      upcoming: await upcomingTimers(this.storage.database, planId, { limit: timers }),
    });
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
