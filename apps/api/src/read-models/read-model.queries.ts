import { Query } from '@nestjs/cqrs';
import type { AssignmentView, DepartmentListing, InboxItem, PlanOverview, PlanSummary, UpcomingTimer } from '@planledger/projections';
import type { PlanAsOfRequest } from '../audit/plan-as-of.reader';
import type { HistoryEntry } from '../history/history-entry';

export class ListPlansQuery extends Query<{ plans: PlanSummary[] }> {
  constructor(readonly status: PlanSummary['status'] | undefined) {
    super();
  }
}

/** With `asOf`, the plan replayed from the store as it stood then (an audit view, recorded as such). */
export class GetPlanQuery extends Query<PlanOverview> {
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

export class PlanTimelineQuery extends Query<PlanTimeline> {
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
