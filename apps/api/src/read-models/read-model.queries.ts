import type { TargetSeriesView } from '@planledger/domain';
import type { QueryResult } from '../commands/command-result';
import { Query } from '@nestjs/cqrs';
import type { AssignmentFilter, AssignmentView, DepartmentListing, InboxItem, PlanOverview, PlanSummary, UpcomingTimer } from '@planledger/projections';
import type { OutsideEventView } from '@planledger/audit';
import type { PlanAsOfRequest } from '../audit/plan-as-of.reader';
import type { PageInfo, PageRequest } from './assignment-paging';
import type { HistoryEntry } from '../history/history-entry';

export class ListPlansQuery extends Query<{ plans: PlanSummary[] }> {
  constructor(readonly status: PlanSummary['status'] | undefined) {
    super();
  }
}

/** A plan for an overview: phases and progress counts, no assignment list. */
export type PlanSummaryView = Omit<PlanOverview, 'assignments'>;

/** The summary and one page of the plan's assignments. */
export interface PlanPage extends PlanSummaryView {
  /** The outside events the plan names, waiting or recorded (ADR 0020). */
  outsideEvents: OutsideEventView[];
  /** Targets with their values and statuses (ADR 0023), from the plan's own stream. */
  targets?: TargetSeriesView[];
  assignments: AssignmentView[];
  page: PageInfo;
}

/** With `asOf`, the plan replayed from the store as it stood then (an audit view, recorded as such). */
export class GetPlanQuery extends Query<QueryResult<PlanPage>> {
  constructor(readonly planId: string, readonly filter: AssignmentFilter, readonly page: PageRequest, readonly asOf?: PlanAsOfRequest) {
    super();
  }
}

export class GetPlanSummaryQuery extends Query<QueryResult<PlanSummaryView>> {
  constructor(readonly planId: string, readonly asOf?: PlanAsOfRequest) {
    super();
  }
}

export interface PlanTimeline {
  planId: string;
  businessTime: string;
  /** Newest first, by business time. */
  recent: HistoryEntry[];
  /** Soonest first. */
  upcoming: UpcomingTimer[];
}

export class PlanTimelineQuery extends Query<QueryResult<PlanTimeline>> {
  constructor(readonly planId: string, readonly events: number, readonly timers: number) {
    super();
  }
}

export class DepartmentInboxQuery extends Query<{ departmentId: string; businessTime: string; items: InboxItem[] }> {
  constructor(readonly departmentId: string, readonly planId: string | undefined) {
    super();
  }
}

export class OverdueListQuery extends Query<{ items: AssignmentView[] }> {
  constructor(readonly planId: string | undefined) {
    super();
  }
}

export class ListDepartmentsQuery extends Query<{ departments: DepartmentListing[] }> {
  constructor(readonly planId: string | undefined) {
    super();
  }
}
