import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import { streamOf } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import type { Request, Response } from 'express';
import { filesOfEvent } from '@planledger/audit';
import type { AccessLog } from '@planledger/auth';
import { ACCESS_LOG } from '../auth/auth-tokens';
import { clientAddressOf } from '../auth/client-address';
import { Acting } from '../actor/request-actor';
import { AssignmentLocator, type AssignmentAddress } from '../assignments/assignment-locator';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AssignmentFiles } from './assignment-files';
import { attachmentDisposition } from './content-disposition';
import type { UploadedFile } from './file-schemas';
import { receiveFiles } from './receive-files';
import { sweepUnreferencedFiles, type SweepReport } from './sweep-unreferenced-files';

const DAY_MS = 86_400_000;

function verifiedAs(sha256: string): Transform {
  const hash = createHash('sha256');
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done) {
      const found = hash.digest('hex');
      if (found !== sha256) done(new Error(`file ${sha256} is damaged in storage (its content hashes to ${found})`));
      else done(null, held);
    },
  });
}

/** Documents handed in with an assignment's work (docs/decisions/0010-files.md). */
@Controller()
export class FilesController {
  constructor(
    private readonly files: AssignmentFiles,
    private readonly locator: AssignmentLocator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
  ) {}

  @Route('uploadAssignmentFiles')
  async upload(@Valid('uploadAssignmentFiles') { params, query }: RequestOf<'uploadAssignmentFiles'>, @Req() req: Request, @Acting() actor: Actor): Promise<{ files: UploadedFile[] }> {
    const address = await this.locator.locate(params.id, query.planId);
    const received = await receiveFiles(req, this.files);
    try {
      for (const file of received) await this.files.keep(file);
    } catch (error) {
      await this.files.discard(received);
      throw error;
    }
    const answer = received.map(({ sha256, name, size, mediaType }) => ({ sha256, name, size, mediaType }));
    await this.files.record(address, answer, actor, await this.clock.now());
    return { files: answer };
  }

  @Route('downloadAssignmentFile')
  async download(@Valid('downloadAssignmentFile') { params, query }: RequestOf<'downloadAssignmentFile'>, @Req() req: Request, @Res() res: Response, @Acting() actor: Actor): Promise<void> {
    const address = await this.locator.locate(params.id, query.planId);
    const ref = `${address.planId}.${address.assignmentId}`;
    // Only a file uploaded for this assignment: a hash that exists for another one is not served here.
    const record = (await this.files.uploaded(address, [params.sha256])).get(params.sha256);
    if (!record) throw new ApiError(404, { error: 'not_found', message: `no file ${params.sha256} was uploaded for assignment ${ref}` });
    const content = await this.files.openContent(params.sha256);
    const name = (await this.recordedName(address, params.sha256)) ?? record.name;
    const damaged = !content || content.size !== record.size;
    // Recorded before a byte leaves: a download that fails half-way was still an access to the record.
    await this.accessLog.record({
      type: 'FileDownloaded',
      data: { personId: actor.userId, clientAddress: clientAddressOf(req), planId: address.planId, assignmentId: address.assignmentId, sha256: params.sha256, name, outcome: damaged ? 'damaged' : 'served' },
    }, await this.clock.now(), actor.role);
    if (!content || damaged) {
      content?.stream.destroy();
      throw new ApiError(500, {
        error: 'file_damaged',
        message: `file ${params.sha256} of assignment ${ref} is ${content ? `${content.size} bytes instead of ${record.size}` : 'missing from the file store'}: \`planledger audit verify\` lists every such file`,
      });
    }
    res.status(200);
    res.setHeader('Content-Type', record.mediaType);
    res.setHeader('Content-Length', String(content.size));
    res.setHeader('Content-Disposition', attachmentDisposition(name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Never run as a page of this origin, whatever a browser makes of it; the answer depends on who asks.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${params.sha256}"`);
    // The content is hashed on its way out, and its last chunk held back until the hash is known:
    // a file damaged in storage ends the connection short of Content-Length instead of arriving whole.
    await pipeline(content.stream, verifiedAs(params.sha256), res).catch((error: Error) => {
      res.destroy(error);
    });
  }

  @Route('sweepUnreferencedFiles')
  async sweep(@Valid('sweepUnreferencedFiles') { body }: RequestOf<'sweepUnreferencedFiles'>): Promise<SweepReport> {
    const now = await this.clock.now();
    // Partial uploads are judged by the file system's (real) time: they are files, not facts.
    return sweepUnreferencedFiles(this.storage, this.files.dir, {
      uploadedBefore: new Date(now.getTime() - body.olderThanDays * DAY_MS), partialBefore: new Date(Date.now() - DAY_MS), dryRun: body.dryRun,
    });
  }

  /** The name the assignment's latest event referencing the file gave it (a submission may rename an upload). */
  private async recordedName(address: AssignmentAddress, sha256: string): Promise<string | undefined> {
    let name: string | undefined;
    for await (const event of this.storage.store.readStream(streamOf({ aggregate: 'assignment', ...address }))) {
      const file = filesOfEvent(event).find((f) => f.sha256 === sha256);
      if (file?.name) name = file.name;
    }
    return name;
  }
}
