import { Inject, Injectable } from '@nestjs/common';
import { InvalidAsOfError, replayPlanAsOf, resolveAsOf, type AsOfBasis, type PlanAsOf } from '@planledger/audit';
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

/** GET /plans/{id}?asOf=: a replay of the plan's streams, not the read models (which only know now). */
@Injectable()
export class PlanAsOfReader {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  /** `route`: what the audit trail records as viewed. */
  async read(planId: string, { asOf: requested, basis, viewer }: PlanAsOfRequest, route = 'GET /plans/{id}?asOf'): Promise<QueryResult<PlanAsOf>> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    let asOf;
    try {
      asOf = resolveAsOf(requested, loaded.timeZone, basis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
      throw error;
    }
    const plan = replayPlanAsOf(planId, loaded.events, asOf);
    await this.trail.viewed(viewer.actor, { route, planId, asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    if (!plan) return rejected({ kind: 'not_found', message: `plan ${planId} had no events ${basis === 'business' ? 'by business time' : 'recorded'} by ${asOf.instant}` });
    return accepted(plan);
  }
}
