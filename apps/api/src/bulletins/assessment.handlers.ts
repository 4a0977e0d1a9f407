import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidAsOfError, resolveAsOf, type AsOf, type AsOfBasis } from '@planledger/audit';
import {
  NoRubricError, PlanNotRecordedError, UnknownAssessmentPeriodError, UnreadableSupervisionEventError, buildAssessment,
  type Assessment, type AssessmentPeriod,
} from '@planledger/bulletins';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import type { Viewer } from '../audit/audit.queries';
import { AuditTrail } from '../audit/audit-trail.service';
import { loadPlanEventsOf } from '../audit/plan-events.loader';
import { accepted, notFound, rejected, type QueryResult } from '../commands/command-result';

/** The assessment with the plan's title, so that a workbook can be named. */
export interface AssessmentAnswer {
  assessment: Assessment;
  planTitle: string;
  asOf: AsOf;
}

export class AssessmentQuery extends Query<QueryResult<AssessmentAnswer>> {
  constructor(readonly planId: string, readonly asOf: string | undefined, readonly basis: AsOfBasis, readonly period: string | undefined, readonly viewer: Viewer) {
    super();
  }
}

/** GET /plans/{id}/assessment (and its .xlsx): the rubric applied to the record as of a moment. */
@QueryHandler(AssessmentQuery)
export class AssessmentHandler implements IQueryHandler<AssessmentQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ planId, asOf: requested, basis, period, viewer }: AssessmentQuery): Promise<QueryResult<AssessmentAnswer>> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    let asOf: AsOf;
    try {
      asOf = resolveAsOf(requested ?? (await this.clock.now()).toISOString(), loaded.timeZone, basis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
      throw error;
    }
    const asked: AssessmentPeriod | undefined = period === undefined ? undefined : period === 'plan' ? { kind: 'plan' } : { kind: 'phase', phaseId: period };
    let assessment: Assessment;
    try {
      assessment = buildAssessment(planId, loaded.events, asOf, { period: asked });
    } catch (error) {
      if (error instanceof PlanNotRecordedError) return rejected({ kind: 'not_found', message: error.message });
      if (error instanceof NoRubricError) return rejected({ kind: 'not_found', message: error.message });
      if (error instanceof UnknownAssessmentPeriodError) return rejected({ kind: 'invalid', problems: [{ field: 'period', message: error.message }] });
      if (error instanceof UnreadableSupervisionEventError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: `the record cannot be assessed: ${error.message}` }] });
      throw error;
    }
    await this.trail.viewed(viewer.actor, { route: 'GET /plans/{id}/assessment', planId, asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    const title = (loaded.events.find((e) => e.type === 'PlanDrafted')?.data as { schedule?: { title?: string } } | undefined)?.schedule?.title ?? planId;
    return accepted({ assessment, planTitle: title, asOf });
  }
}
