import { Controller, Inject } from '@nestjs/common';
import type { AccessLog } from '@planledger/auth';
import type { Clock } from '@planledger/engine';
import { CLOCK } from '@planledger/runtime';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCESS_LOG } from './auth-tokens';

const DAY_MS = 86_400_000;
/** The monthly access streams of two years at most per question. */
const MAX_RANGE_DAYS = 731;

/** GET /audit/sign-ins and /audit/file-downloads: what an auditor asks about access — who signed in (or failed to) and who read which document, when, from where. */
@Controller()
export class SignInAuditController {
  constructor(
    @Inject(ACCESS_LOG) private readonly log: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('signInAudit')
  async list(@Valid('signInAudit') { query }: RequestOf<'signInAudit'>) {
    const { from, to } = await this.range(query);
    const entries = await this.log.list({ from, to, personId: query.person });
    return { from: from.toISOString(), to: to.toISOString(), entries };
  }

  @Route('fileDownloadAudit')
  async fileDownloads(@Valid('fileDownloadAudit') { query }: RequestOf<'fileDownloadAudit'>) {
    const { from, to } = await this.range(query);
    const entries = (await this.log.listFileDownloads({ from, to, personId: query.person }))
      .map(({ at, personId, clientAddress, stream, revision, detail }) => ({
        at, personId, ...(clientAddress !== undefined && { clientAddress }), stream, revision,
        planId: String(detail.planId), assignmentId: String(detail.assignmentId), sha256: String(detail.sha256), name: String(detail.name),
        outcome: detail.outcome === 'damaged' ? ('damaged' as const) : ('served' as const),
      }))
      .filter((entry) => query.planId === undefined || entry.planId === query.planId);
    return { from: from.toISOString(), to: to.toISOString(), entries };
  }

  private async range(query: { from?: string; to?: string }): Promise<{ from: Date; to: Date }> {
    // By default up to and including this instant: under a virtual clock that stands still, what was just recorded is at `now`.
    const to = query.to ? new Date(query.to) : new Date((await this.clock.now()).getTime() + 1);
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new ApiError(400, { error: 'invalid_request', problems: [{ path: 'query.from', message: '`from` must be before `to`' }] });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new ApiError(400, { error: 'invalid_request', problems: [{ path: 'query.from', message: `at most ${MAX_RANGE_DAYS} days per question` }] });
    return { from, to };
  }
}
