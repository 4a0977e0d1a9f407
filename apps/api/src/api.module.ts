import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ClockController } from './admin/clock.controller';
import { BulletinsController } from './bulletins/bulletins.controller';
import { AssessmentController } from './bulletins/assessment.controller';
import { AssessmentHandler } from './bulletins/assessment.handlers';
import { BulletinFileHandler, IssueBulletinHandler, ListBulletinsHandler, PreviewBulletinHandler } from './bulletins/bulletins.handlers';
import { AuditController } from './audit/audit.controller';
import { EventLogController } from './audit/event-log/event-log.controller';
import { EventLogReader } from './audit/event-log/event-log.reader';
import { PlanExportController } from './audit/export/plan-export.controller';
import { AuditStreamHandler, DepartmentHistoryHandler, VerifyStoreHandler } from './audit/audit.handlers';
import { AuditTrail } from './audit/audit-trail.service';
import { PlanAsOfReader } from './audit/plan-as-of.reader';
import { AssignmentActionHandler } from './assignments/assignment-action.handler';
import { AssignmentLocator } from './assignments/assignment-locator';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentDetailHandler } from './assignments/assignment-detail.handler';
import { MeasureTexts } from './assignments/measure-texts';
import { MyInboxController } from './assignments/my-inbox.controller';
import { DepartmentDirectory } from './read-models/department-directory';
import { MyInboxHandler } from './read-models/my-inbox.handler';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { GetAssignmentHistoryHandler, GetPlanHistoryHandler } from './history/history.handlers';
import { InstantsInZoneInterceptor } from './http/instants-in-zone.interceptor';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationStoresModule } from '@planledger/notification-delivery';
import { NotificationsController } from './notifications/notifications.controller';
import { CalendarFeedsController } from './notifications/calendar-feeds.controller';
import { DocsController } from './openapi/docs.controller';
import { AssignmentFiles } from './files/assignment-files';
import { FilesController } from './files/files.controller';
import { AmendPlanHandler } from './plans/amend-plan.handler';
import { RecordOutsideEventHandler } from './plans/record-outside-event.handler';
import { ClosePhaseHandler } from './plans/close-phase.handler';
import { AssignRosterHandler, PlanRosterHandler } from './plans/assign-roster.handler';
import { RecordMeasurementHandler } from './plans/record-measurement.handler';
import { InspectionsController } from './inspections/inspections.controller';
import { ListFindingsHandler, RecordFindingHandler, RecordInspectionHandler } from './inspections/inspections.handlers';
import { ClosePlanHandler } from './plans/close-plan.handler';
import { ImportPlanHandler } from './plans/import-plan.handler';
import { PlanPreviewController } from './plans/preview/plan-preview.controller';
import { PreviewAmendmentHandler } from './plans/preview/preview-amendment.handler';
import { PreviewPlanHandler } from './plans/preview/preview-plan.handler';
import { PlanPreparationPool } from './plans/preparation/plan-preparation.pool';
import { PlansController } from './plans/plans.controller';
import { ProgressController } from './progress/progress.controller';
import { ProgressReads } from './progress/progress.reads';
import { ScheduleTalliesCache } from './progress/schedule-tallies.cache';
import { PublishPlanHandler } from './plans/publish-plan.handler';
import { DepartmentsController } from './read-models/departments.controller';
import { ListDepartmentsHandler } from './read-models/list-departments.handler';
import { PlanSummaryCache } from './read-models/plan-summary.cache';
import { OutsideEventsReader } from './read-models/outside-events.reader';
import { DepartmentInboxHandler, GetPlanHandler, GetPlanSummaryHandler, ListPlansHandler, OverdueListHandler, PlanTimelineHandler } from './read-models/read-model.handlers';

/**
 * The HTTP layer. Expects, provided globally (CoreModule): SERVICE_CONFIG, EVENT_STORAGE, CLOCK,
 * COMMAND_EXECUTOR, METRICS, REDIS_OPTIONS; optionally VIRTUAL_CLOCK_ADVANCER (api-tokens.ts).
 * The in-memory CQRS EventBus is not used: durable reactions run from store subscriptions.
 */
@Module({
  imports: [CqrsModule.forRoot(), AuthModule, NotificationStoresModule],
  controllers: [PlansController, PlanPreviewController, AssignmentsController, DepartmentsController, HealthController, MetricsController, ClockController, DocsController, AuditController, EventLogController, PlanExportController, MyInboxController, NotificationsController, CalendarFeedsController, FilesController, ProgressController, BulletinsController, InspectionsController, AssessmentController],
  providers: [
    AssignmentLocator, PlanPreparationPool,
    ImportPlanHandler, PublishPlanHandler, AmendPlanHandler, ClosePlanHandler, RecordOutsideEventHandler, ClosePhaseHandler, AssignRosterHandler, PlanRosterHandler, RecordMeasurementHandler, RecordInspectionHandler, RecordFindingHandler, ListFindingsHandler, AssignmentActionHandler,
    PreviewPlanHandler, PreviewAmendmentHandler,
    GetPlanHistoryHandler, GetAssignmentHistoryHandler,
    ListPlansHandler, ListDepartmentsHandler, GetPlanHandler, GetPlanSummaryHandler, PlanSummaryCache, OutsideEventsReader, PlanTimelineHandler, DepartmentInboxHandler, OverdueListHandler,
    AuditTrail, PlanAsOfReader, EventLogReader, AuditStreamHandler, DepartmentHistoryHandler, VerifyStoreHandler,
    DepartmentDirectory, MeasureTexts, MyInboxHandler, AssignmentDetailHandler, AssignmentFiles,
    ProgressReads, ScheduleTalliesCache,
    IssueBulletinHandler, ListBulletinsHandler, PreviewBulletinHandler, BulletinFileHandler,
    AssessmentHandler,
    { provide: APP_INTERCEPTOR, useClass: InstantsInZoneInterceptor },
  ],
})
export class ApiModule {}
