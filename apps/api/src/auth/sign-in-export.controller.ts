import { Controller, Inject, Res } from '@nestjs/common';
import { addExportSheet, AUDIT_EXPORTED, recordAuditAccess, toCsv, type ExportColumn } from '@planledger/audit';
import type { AccessEntry, AccessLog } from '@planledger/auth';
import type { Actor } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { Acting } from '../actor/request-actor';
import { attachmentDisposition } from '../files/content-disposition';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCESS_LOG } from './auth-tokens';
import { signInRange } from './sign-in-range';

/** A sign-in record as a spreadsheet row: its detail (reason of a failure, lock end) as JSON text. */
interface SignInRow {
  at: string;
  type: string;
  personId: string;
  clientAddress: string | null;
  actor: string | null;
  detail: string;
  stream: string;
  revision: string;
}

/** Bilingual headers, like the plan export's. */
export const SIGN_IN_COLUMNS: ExportColumn<SignInRow>[] = [
  { key: 'at', zh: '时间', en: 'At', width: 26 },
  { key: 'type', zh: '记录类型', en: 'Type', width: 18 },
  { key: 'personId', zh: '登录名', en: 'Person', width: 22 },
  { key: 'clientAddress', zh: '客户端地址', en: 'Client address', width: 20 },
  { key: 'actor', zh: '记录人', en: 'Recorded by', width: 20 },
  { key: 'detail', zh: '详情', en: 'Detail', width: 50 },
  { key: 'stream', zh: '事件流', en: 'Stream', width: 18 },
  { key: 'revision', zh: '序号', en: 'Revision', width: 8 },
];

const toRow = (entry: AccessEntry): SignInRow => ({
  at: entry.at, type: entry.type, personId: entry.personId, clientAddress: entry.clientAddress ?? null, actor: entry.actor ?? null,
  detail: Object.keys(entry.detail).length ? JSON.stringify(entry.detail) : '', stream: entry.stream, revision: entry.revision,
});

/** GET /audit/sign-ins/export: the same records as GET /audit/sign-ins, as xlsx or csv; the export is recorded. */
@Controller()
export class SignInExportController {
  constructor(
    @Inject(ACCESS_LOG) private readonly log: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
  ) {}

  @Route('signInAuditExport')
  async export(@Valid('signInAuditExport') request: RequestOf<'signInAuditExport'>, @Acting() actor: Actor, @Res() res: Response): Promise<void> {
    const { query } = request;
    const now = await this.clock.now();
    const { from, to } = signInRange(query, now);
    const rows = (await this.log.list({ from, to, personId: query.person })).map(toRow);
    const name = `sign-ins-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}${query.person ? `-${query.person}` : ''}.${query.format}`;
    let body: Buffer;
    if (query.format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'planledger';
      addExportSheet(workbook, '登录记录 Sign-ins', SIGN_IN_COLUMNS, rows);
      body = Buffer.from(await workbook.xlsx.writeBuffer());
    } else {
      body = Buffer.from(toCsv(SIGN_IN_COLUMNS, rows), 'utf8');
    }
    await recordAuditAccess(this.storage.store, {
      type: AUDIT_EXPORTED, actor,
      subject: { route: 'GET /audit/sign-ins/export', format: query.format, files: [name], shown: rows.length, filters: { from: from.toISOString(), to: to.toISOString(), ...(query.person && { person: query.person }) } },
      businessTime: now, correlationId: request.correlationId || undefined,
    });
    res.setHeader('Content-Type', query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Content-Disposition', attachmentDisposition(name));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).end(body);
  }
}
