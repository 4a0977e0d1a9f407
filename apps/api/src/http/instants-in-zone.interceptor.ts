import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import { routePolicies } from '../auth/route-policies';
import { ROUTE_OPERATION } from '../routes/route.decorators';
import type { OperationId } from '../routes/route-table';
import { instantsInZone, planIdsIn } from './instants-in-zone';

/**
 * Every answer of a token route writes its instants in the plan's zone with its offset, however
 * the read model, the event or the clock wrote them (issue #9: inboxes said UTC, actions +08:00).
 * Answers that concern no plan use TIME_ZONE. Public routes (health, metrics, the OpenAPI
 * document) are left as they are.
 */
@Injectable()
export class InstantsInZoneInterceptor implements NestInterceptor {
  /**
   * A plan's zone, read once per process rather than once per answer: it is fixed when the plan is
   * imported, and even a stale entry would write the same instants, only at another offset.
   */
  private readonly zoneOfPlan = new Map<string, string>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = this.reflector.get<OperationId | undefined>(ROUTE_OPERATION, context.getHandler());
    if (!operation || routePolicies[operation].access !== 'token') return next.handle();
    const keepData = operation === 'auditStream';
    return next.handle().pipe(mergeMap((answer) => from(keepData ? this.rewriteKeepingStoredData(answer) : this.rewrite(answer))));
  }

  /**
   * /audit/streams shows each event's data exactly as stored: those are the bytes its hash covers,
   * so an auditor can recompute the chain from the answer. Only the envelope's instants are rewritten.
   */
  private async rewriteKeepingStoredData(answer: unknown): Promise<unknown> {
    const rewritten = await this.rewrite(answer);
    const original = (answer as { events?: { data?: unknown }[] }).events;
    const events = (rewritten as { events?: { data?: unknown }[] }).events;
    if (Array.isArray(original) && Array.isArray(events)) events.forEach((event, i) => (event.data = original[i]?.data));
    return rewritten;
  }

  private async rewrite(answer: unknown): Promise<unknown> {
    if (typeof answer !== 'object' || answer === null) return answer;
    const unknown = [...planIdsIn(answer)].filter((planId) => !this.zoneOfPlan.has(planId));
    if (unknown.length > 0) {
      const rows = await this.storage.database.query<{ plan_id: string; time_zone: string }>(
        'select plan_id, time_zone from read_plans where plan_id = any($1::text[])', [unknown],
      );
      for (const row of rows) this.zoneOfPlan.set(row.plan_id, row.time_zone);
    }
    return instantsInZone(answer, this.zoneOfPlan, this.config.TIME_ZONE);
  }
}
