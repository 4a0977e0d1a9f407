import { Controller, Res } from '@nestjs/common';
import type { Principal } from '@planledger/auth';
import type { Response } from 'express';
import { Caller } from '../assignments/caller.decorator';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { overdueWorkbook } from './overdue-workbook';
import type { OverdueItem } from './progress-schemas';
import { ProgressReads } from './progress.reads';

/** Rows an export holds at most: a bureau's overdue work is far fewer; the cap keeps a runaway request bounded. */
const EXPORT_LIMIT = 50_000;
const EXPORT_PAGE = 1000;

/**
 * The planners' watching pages (issue 14): reads only, straight from the read models (no
 * command, so no bus in between). Role scoping: the route policies admit planners, auditors and
 * admins to plan pages; /progress/overdue also admits department people and answers their reach.
 */
@Controller()
export class ProgressController {
  constructor(private readonly reads: ProgressReads) {}

  @Route('progressPlans')
  plans(@Valid('progressPlans') { query }: RequestOf<'progressPlans'>) {
    return this.reads.plans(query);
  }

  @Route('progressTimeline')
  timeline(@Valid('progressTimeline') { params }: RequestOf<'progressTimeline'>) {
    return this.reads.timeline(params.id);
  }

  @Route('progressMatrix')
  matrix(@Valid('progressMatrix') { params, query }: RequestOf<'progressMatrix'>) {
    return this.reads.matrix(params.id, { axis: query.by, sort: query.sort, offset: query.offset, limit: query.limit });
  }

  @Route('progressCell')
  cell(@Valid('progressCell') { params, query }: RequestOf<'progressCell'>) {
    return this.reads.cell(params.id, { departmentId: query.department, measureId: query.measure, phaseId: query.phase, state: query.state }, query);
  }

  @Route('progressCharts')
  charts(@Valid('progressCharts') { params }: RequestOf<'progressCharts'>) {
    return this.reads.charts(params.id);
  }

  @Route('progressOverdue')
  overdue(@Valid('progressOverdue') { query }: RequestOf<'progressOverdue'>, @Caller() principal: Principal) {
    return this.reads.overdue(principal, query, query);
  }

  /** The same filter as /progress/overdue, every page of it, as an xlsx workbook (made here, on the server). */
  @Route('progressOverdueExport')
  async export(@Valid('progressOverdueExport') { query }: RequestOf<'progressOverdueExport'>, @Caller() principal: Principal, @Res() res: Response): Promise<void> {
    const items: OverdueItem[] = [];
    let cursor: string | undefined;
    let now = '';
    do {
      const page = await this.reads.overdue(principal, query, { limit: EXPORT_PAGE, cursor });
      now = page.now;
      items.push(...page.items);
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor && items.length < EXPORT_LIMIT);
    const filter = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    const body = await overdueWorkbook(items.slice(0, EXPORT_LIMIT), { now, filter, truncated: cursor !== undefined });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="overdue-${now.slice(0, 10)}.xlsx"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.status(200).end(body);
  }
}
