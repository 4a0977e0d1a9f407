import { Inject, Injectable } from '@nestjs/common';
import { InvalidAsOfError, loadDepartmentPlanEvents, PlanStreamCache, replayPlanAsOf, resolveAsOf, type AsOfBasis, type PlanAsOf, type ReplayScope } from '@planledger/audit';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { accepted, notFound, rejected, type QueryResult } from '../commands/command-result';
import { loadPlanEventsOf } from './plan-events.loader';
import { AuditTrail } from './audit-trail.service';
import type { Viewer } from './audit.queries';

export interface PlanAsOfRequest {
  asOf: string;
  basis: AsOfBasis;
  viewer: Viewer;
}

/**
 * GET /plans/{id}?asOf=: a replay of the plan's streams, not the read models (which only know now).
 * With a department (`?department=`), only that department's work is replayed: the plan's and
 * phases' streams and the assignment streams ever given to it (ADR 0012); KurrentDB, which has no
 * department index, replays the whole plan and keeps the department's part.
 */
@Injectable()
export class PlanAsOfReader {
  /** Plan streams parsed once, then followed by their appends (their schedules are most of a department replay's bytes). */
  private readonly planStreams = new PlanStreamCache();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  /** `route`: what the audit trail records as viewed. */
  async read(planId: string, { asOf: requested, basis, viewer }: PlanAsOfRequest, route = 'GET /plans/{id}?asOf', scope?: ReplayScope): Promise<QueryResult<PlanAsOf>> {
    const loaded = scope && this.storage.kind !== 'kurrentdb' ? await loadDepartmentPlanEvents(this.storage.database, planId, scope.departmentId, this.planStreams) : await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    let asOf;
    try {
      asOf = resolveAsOf(requested, loaded.timeZone, basis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
      throw error;
    }
    const plan = replayPlanAsOf(planId, loaded.events, asOf, scope);
    await this.trail.viewed(viewer.actor, { route, planId, ...(scope && { departmentId: scope.departmentId }), asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    if (!plan) return rejected({ kind: 'not_found', message: `plan ${planId} had no events ${basis === 'business' ? 'by business time' : 'recorded'} by ${asOf.instant}` });
    return accepted(plan);
  }
}
