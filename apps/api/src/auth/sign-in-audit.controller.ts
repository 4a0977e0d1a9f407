import { Controller, Inject } from '@nestjs/common';
import type { AccessLog } from '@planledger/auth';
import type { Clock } from '@planledger/engine';
import { CLOCK } from '@planledger/runtime';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCESS_LOG } from './auth-tokens';
import { signInRange } from './sign-in-range';

/** GET /audit/sign-ins and /audit/file-downloads: what an auditor asks about access — who signed in (or failed to) and who read which document, when, from where. */
@Controller()
export class SignInAuditController {
  constructor(
    @Inject(ACCESS_LOG) private readonly log: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route('signInAudit')
  async list(@Valid('signInAudit') { query }: RequestOf<'signInAudit'>) {
    const { from, to } = signInRange(query, await this.clock.now());
    const entries = await this.log.list({ from, to, personId: query.person });
    return { from: from.toISOString(), to: to.toISOString(), entries };
  }

  @Route('fileDownloadAudit')
  async fileDownloads(@Valid('fileDownloadAudit') { query }: RequestOf<'fileDownloadAudit'>) {
    const { from, to } = signInRange(query, await this.clock.now());
    const entries = (await this.log.listFileDownloads({ from, to, personId: query.person }))
      .map(({ type, at, personId, clientAddress, stream, revision, detail }) => ({
        at, personId, ...(clientAddress !== undefined && { clientAddress }), stream, revision,
        type: type === 'BulletinDownloaded' ? ('BulletinDownloaded' as const) : ('FileDownloaded' as const),
        planId: String(detail.planId),
        ...(detail.assignmentId !== undefined && { assignmentId: String(detail.assignmentId) }),
        ...(detail.number !== undefined && { bulletinNumber: String(detail.number) }),
        sha256: String(detail.sha256), name: String(detail.name),
        outcome: detail.outcome === 'damaged' ? ('damaged' as const) : ('served' as const),
      }))
      .filter((entry) => query.planId === undefined || entry.planId === query.planId);
    return { from: from.toISOString(), to: to.toISOString(), entries };
  }
}
