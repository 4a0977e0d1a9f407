export { migrateReadModels } from './sql/migrate-read-models';
export { READ_MODEL_MIGRATIONS, type ReadModelMigration } from './sql/migrations';
export { NOTIFICATION_SCHEMA } from './sql/notification-migrations';
export { outboxIdOf } from './handlers/notifications.projection';

export { projectEvent, PROJECTION_HANDLERS } from './handlers/project-event';
export type { ProjectedEvent, ProjectionHandler } from './handlers/projected-event';

export { ProjectionRunner, PROJECTIONS_LEASE, type ProjectionRunnerOptions, type RunnerLogger } from './runner/projection-runner';
export type { Reaction } from './runner/apply-reactions';
export type { ParkedFailure } from './runner/apply-batch';
export { listParkedEvents, countOpenParkedEvents, findParkedEvent, type ParkedEvent, type ParkedStatus } from './parking/parked-events';
export {
  recordParkingDecision, PROJECTION_EVENT_SKIPPED, PROJECTION_EVENT_RETRIED, PARKING_DECISIONS_STREAM,
  type ParkingDecision, type ParkingDecisionData, type ParkingDecisionType,
} from './parking/parking-decisions';
export { PROJECTIONS_CHECKPOINT, REACTIONS_CHECKPOINT, listCheckpoints, type CheckpointView } from './runner/checkpoints';
export { caughtUpTo, waitUntilCaughtUp, CatchUpTimeoutError, type CatchUpOptions } from './runner/catch-up';
export { storeHead } from './runner/store-head';

export { rebuildReadModels, REBUILT_TABLES, type RebuildOptions, type RebuildResult } from './rebuild/rebuild-read-models';

export { listPlans, getPlanOverview, type PlanSummary, type PlanOverview, type PhaseView, type DepartmentProgress } from './queries/plans.queries';
export { departmentInbox, overdueList, type InboxItem } from './queries/inbox.queries';
export { myInbox, INBOX_GROUPS, type InboxGroup, type MyInbox, type MyInboxItem, type MyInboxRequest } from './queries/my-inbox.queries';
export { planAssignmentsPage, type AssignmentFilter, type AssignmentPage, type AssignmentPosition } from './queries/plan-assignments.queries';
export { readModelsVersion } from './queries/read-models-version.queries';
export { upcomingTimers, type UpcomingTimer } from './queries/timers.queries';
export { getAssignment, AmbiguousAssignmentError, type AssignmentDetail } from './queries/assignment.queries';
export type { AssignmentView } from './queries/assignment-view';
export { addToProgress, emptyProgress, type Progress } from './queries/progress';
export { listDepartments, type DepartmentListing } from './queries/departments.queries';
export { buildPlanOverview, countPlanProgress, type PlanOverviewParts, type PlanProgress } from './queries/plan-overview';
export { readScheduleTallies, scheduleVersions, type ScheduleTallies } from './queries/schedule-tallies.queries';
export { WORK_STATES, emptyCounts, stateIndex, DUE_SOON_DAYS, type WorkState, type WorkStateCounts } from './queries/work-states';
export { issuedByCell, issuedByDay, acceptedByWeek, workCountsByPlan, phasesOf, type IssuedCellCount, type IssuedDayCount, type PlanWorkCounts, type PhaseRow } from './queries/work-progress.queries';
export {
  cellAssignmentsPage, notIssuedPage, overdueWorkPage,
  type CellAssignment, type CellFilter, type OverdueWork, type OverdueWorkFilter, type PendingObligation, type WorkPage, type WorkPosition,
} from './queries/work-lists.queries';
export { rosterHoldings, holdingIndex, type RosterHolding } from './queries/roster.queries';
