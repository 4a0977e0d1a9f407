import { Inject, Injectable } from '@nestjs/common';
import { InvalidAsOfError, replayPlanAsOf, resolveAsOf, type AsOfBasis, type PlanAsOf } from '@planledger/audit';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { ApiError, InvalidRequestError, NotFoundError } from '../http/api-errors';
import { AuditTrail } from './audit-trail.service';
import { loadPlanEventsOf } from './plan-events.loader';
import type { Viewer } from './audit.queries';

export interface PlanAsOfRequest {
  asOf: string;
  basis: AsOfBasis;
  viewer: Viewer;
}

/** GET /plans/{id}?asOf=: a replay of the plan's streams, not the read models (which only know now). */
@Injectable()
export class PlanAsOfReader {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  /** `route`: what the audit trail records as viewed. */
  async read(planId: string, { asOf: requested, basis, viewer }: PlanAsOfRequest, route = 'GET /plans/{id}?asOf'): Promise<PlanAsOf> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) throw new NotFoundError('plan', planId);
    let asOf;
    try {
      asOf = resolveAsOf(requested, loaded.timeZone, basis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) throw new InvalidRequestError([{ path: 'query.asOf', message: error.message }]);
      throw error;
    }
    const plan = replayPlanAsOf(planId, loaded.events, asOf);
    await this.trail.viewed(viewer.actor, { route, planId, asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    if (!plan) throw new ApiError(404, { error: 'not_found', message: `plan ${planId} had no events ${basis === 'business' ? 'by business time' : 'recorded'} by ${asOf.instant}` });
    return plan;
  }
}
