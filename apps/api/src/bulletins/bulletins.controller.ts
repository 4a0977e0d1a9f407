import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { AccessLog } from '@planledger/auth';
import type { BulletinPeriod } from '@planledger/bulletins';
import type { Actor } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import { CLOCK } from '@planledger/runtime';
import type { Request, Response } from 'express';
import { Acting, commandContextOf } from '../actor/request-actor';
import { ACCESS_LOG } from '../auth/auth-tokens';
import { clientAddressOf } from '../auth/client-address';
import { attachmentDisposition } from '../files/content-disposition';
import { ApiError } from '../http/api-errors';
import { answerOf, type FieldPath } from '../http/command-answer';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { BulletinFileQuery, IssueBulletinCommand, ListBulletinsQuery, PreviewBulletinQuery } from './bulletins.commands';

const inQuery: FieldPath = (field) => `query.${field}`;

/** Bulletins (通报) of a plan: issue, list, preview, download (docs/decisions/0017-bulletins.md). */
@Controller()
export class BulletinsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
  ) {}

  @Route('issueBulletin')
  issue(@Valid('issueBulletin') request: RequestOf<'issueBulletin'>, @Acting() actor: Actor) {
    return answerOf(this.commands.execute(new IssueBulletinCommand(request.params.id, request.body, commandContextOf(request, actor))));
  }

  @Route('listBulletins')
  list(@Valid('listBulletins') { params }: RequestOf<'listBulletins'>) {
    return answerOf(this.queries.execute(new ListBulletinsQuery(params.id)));
  }

  // Declared before the download: `preview` is not a file name, and Express matches in this order.
  @Route('previewBulletin')
  preview(@Valid('previewBulletin') request: RequestOf<'previewBulletin'>, @Acting() actor: Actor) {
    const { params, query } = request;
    const period: BulletinPeriod = query.phase ? { kind: 'phase', phaseId: query.phase } : query.from && query.to ? { kind: 'window', from: query.from, to: query.to } : { kind: 'plan' };
    return answerOf(this.queries.execute(new PreviewBulletinQuery(params.id, query.asOf, query.asOfBasis, period, { actor, correlationId: request.correlationId })), inQuery);
  }

  @Route('downloadBulletin')
  async download(@Valid('downloadBulletin') { params }: RequestOf<'downloadBulletin'>, @Req() req: Request, @Res() res: Response, @Acting() actor: Actor): Promise<void> {
    const { bulletin, document, path } = await answerOf(this.queries.execute(new BulletinFileQuery(params.id, params.file)));
    const content = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const damaged = !content || createHash('sha256').update(content).digest('hex') !== document.sha256;
    // Recorded before a byte leaves, as handed-in documents are (ADR 0010).
    await this.accessLog.record({
      type: 'BulletinDownloaded',
      data: { personId: actor.userId, clientAddress: clientAddressOf(req), planId: params.id, number: bulletin.number, sha256: document.sha256, name: document.name, outcome: damaged ? 'damaged' : 'served' },
    }, await this.clock.now(), actor.role);
    if (!content || damaged) {
      throw new ApiError(500, {
        error: 'file_damaged',
        message: `bulletin ${bulletin.number}'s ${document.format} (${document.sha256}) is ${content ? 'damaged' : 'missing'} in the file store: \`planledger audit verify\` lists every such file`,
      });
    }
    res.status(200);
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('Content-Length', String(content.length));
    res.setHeader('Content-Disposition', attachmentDisposition(document.name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${document.sha256}"`);
    res.end(content);
  }
}
