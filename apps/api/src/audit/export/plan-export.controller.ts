import { Controller, Inject, Res } from '@nestjs/common';
import {
  ASSIGNMENT_COLUMNS, AUDIT_EXPORTED, buildPlanExport, EVENT_COLUMNS, InvalidAsOfError, planExportJson, planWorkbook, recordAuditAccess, resolveAsOf, toCsv,
} from '@planledger/audit';
import type { Actor } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import type { Response } from 'express';
import { Acting } from '../../actor/request-actor';
import { attachmentDisposition } from '../../files/content-disposition';
import { InvalidRequestError, NotFoundError } from '../../http/api-errors';
import { Route, Valid, type RequestOf } from '../../routes/route.decorators';
import { loadPlanEventsOf } from '../plan-events.loader';

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/**
 * GET /audit/plans/{id}/export: the same export as `planledger audit export` (libs/audit builds
 * it for both), sent as a download instead of written to disk, and recorded as AuditExported.
 * Only the plan's own streams are read (loadPlanEvents), never the whole store.
 */
@Controller()
export class PlanExportController {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('auditPlanExport')
  async export(@Valid('auditPlanExport') request: RequestOf<'auditPlanExport'>, @Acting() actor: Actor, @Res() res: Response): Promise<void> {
    const { params, query } = request;
    const loaded = await loadPlanEventsOf(this.storage, params.id);
    if (!loaded) throw new NotFoundError('plan', params.id);
    const generatedAt = new Date();
    let asOf;
    try {
      asOf = resolveAsOf(query.asOf ?? generatedAt.toISOString(), loaded.timeZone, query.asOfBasis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) throw new InvalidRequestError([{ path: 'query.asOf', message: error.message }]);
      throw error;
    }
    const plan = buildPlanExport(loaded, asOf);
    const base = `${params.id}-as-of-${asOf.instant.slice(0, 10)}`;
    let name: string;
    let body: Buffer;
    if (query.format === 'xlsx') {
      name = `${base}.xlsx`;
      body = Buffer.from(await planWorkbook(plan, generatedAt).xlsx.writeBuffer());
    } else if (query.format === 'json') {
      name = `${base}.json`;
      body = Buffer.from(`${JSON.stringify(planExportJson(plan, generatedAt), null, 2)}\n`, 'utf8');
    } else {
      name = `${base}-${query.part}.csv`;
      body = Buffer.from(query.part === 'events' ? toCsv(EVENT_COLUMNS, plan.eventRows) : toCsv(ASSIGNMENT_COLUMNS, plan.assignments), 'utf8');
    }
    await recordAuditAccess(this.storage.store, {
      type: AUDIT_EXPORTED,
      actor,
      subject: {
        route: 'GET /audit/plans/{id}/export', planId: params.id, asOf: asOf.instant, asOfBasis: asOf.basis, format: query.format, files: [name],
        rows: { assignments: plan.assignments.length, events: plan.eventRows.length },
      },
      businessTime: await this.clock.now(),
      correlationId: request.correlationId || undefined,
    });
    res.setHeader('Content-Type', MEDIA_TYPES[query.format]);
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Content-Disposition', attachmentDisposition(name));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).end(body);
  }
}
