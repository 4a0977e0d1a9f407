import { Command, Query } from '@nestjs/cqrs';
import type { BulletinDocument, BulletinModel, BulletinPeriod, IssuedBulletin } from '@planledger/bulletins';
import type { AsOfBasis } from '@planledger/audit';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult, QueryResult } from '../commands/command-result';
import type { Viewer } from '../audit/audit.queries';
import type { IssueBulletinBody } from './bulletin-schemas';

/** An issued bulletin as answered: its documents with their download addresses. */
export type BulletinAnswer = Omit<IssuedBulletin, 'documents'> & { documents: (BulletinDocument & { url: string })[] };

export class IssueBulletinCommand extends Command<CommandResult<BulletinAnswer>> {
  constructor(readonly planId: string, readonly body: IssueBulletinBody, readonly context: CommandContext) {
    super();
  }
}

export class ListBulletinsQuery extends Query<QueryResult<{ planId: string; bulletins: BulletinAnswer[] }>> {
  constructor(readonly planId: string) {
    super();
  }
}

export class PreviewBulletinQuery extends Query<QueryResult<BulletinModel>> {
  constructor(readonly planId: string, readonly asOf: string | undefined, readonly basis: AsOfBasis, readonly period: BulletinPeriod, readonly viewer: Viewer) {
    super();
  }
}

/** Which stored document a download asks for; the controller streams it and records the download. */
export interface BulletinFile {
  bulletin: IssuedBulletin;
  document: BulletinDocument;
  path: string;
}

export class BulletinFileQuery extends Query<QueryResult<BulletinFile>> {
  constructor(readonly planId: string, readonly file: string) {
    super();
  }
}
