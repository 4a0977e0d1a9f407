import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { contentPathOf, InvalidAsOfError, resolveAsOf, type AsOf, type PlanEvents } from '@planledger/audit';
import {
  BulletinNumberTakenError, GB_FONTS, PLAIN_FONTS, PlanNotRecordedError, UnknownPhaseError, buildBulletinModel, issueBulletin, readIssuedBulletins,
  type BulletinModel, type IssuedBulletin,
} from '@planledger/bulletins';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';
import { AuditTrail } from '../audit/audit-trail.service';
import { loadPlanEventsOf } from '../audit/plan-events.loader';
import { accepted, notFound, rejected, type CommandResult, type QueryResult, type Rejected } from '../commands/command-result';
import { AssignmentFiles } from '../files/assignment-files';
import { BulletinFileQuery, IssueBulletinCommand, ListBulletinsQuery, PreviewBulletinQuery, type BulletinAnswer, type BulletinFile } from './bulletins.commands';

/** `/plans/{id}/bulletins/{number}.docx`: the address a document is downloaded from. */
const answerOf = (bulletin: IssuedBulletin): BulletinAnswer => ({
  ...bulletin,
  documents: bulletin.documents.map((d) => ({ ...d, url: `/plans/${bulletin.planId}/bulletins/${encodeURIComponent(d.name)}` })),
});

/** The instant asked for, in the plan's zone; an unreadable one is the caller's `asOf` field. */
function asOfOf(requested: string, loaded: PlanEvents, basis: AsOf['basis']): AsOf | Rejected {
  try {
    return resolveAsOf(requested, loaded.timeZone, basis);
  } catch (error) {
    if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
    throw error;
  }
}

/** The model's refusals as rejections: a plan not yet recorded then, a phase it does not have. */
function modelRejection(error: unknown, phaseField: string): Rejected {
  if (error instanceof PlanNotRecordedError) return rejected({ kind: 'not_found', message: error.message });
  if (error instanceof UnknownPhaseError) return rejected({ kind: 'invalid', problems: [{ field: phaseField, message: error.message }] });
  throw error;
}

@CommandHandler(IssueBulletinCommand)
export class IssueBulletinHandler implements ICommandHandler<IssueBulletinCommand> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly files: AssignmentFiles,
  ) {}

  async execute({ planId, body, context }: IssueBulletinCommand): Promise<CommandResult<BulletinAnswer>> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    const asOf = asOfOf(body.asOf, loaded, body.asOfBasis);
    if ('ok' in asOf) return asOf;
    try {
      const { bulletin } = await issueBulletin(loaded, {
        asOf, period: body.period, number: body.number, numberPrefix: body.numberPrefix, title: body.title, addressee: body.addressee,
        fonts: body.plainFonts ? PLAIN_FONTS : GB_FONTS,
      }, { store: this.storage.store, filesDir: this.files.dir, actor: context.actor, now: await this.clock.now(), correlationId: context.correlationId || undefined });
      return accepted(answerOf(bulletin));
    } catch (error) {
      if (error instanceof BulletinNumberTakenError) {
        return rejected({ kind: 'conflict', code: 'bulletin_number_taken', message: error.message, details: { number: error.number, issuedAt: error.issuedAt } });
      }
      return modelRejection(error, 'period.phaseId');
    }
  }
}

@QueryHandler(ListBulletinsQuery)
export class ListBulletinsHandler implements IQueryHandler<ListBulletinsQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ planId }: ListBulletinsQuery): Promise<QueryResult<{ planId: string; bulletins: BulletinAnswer[] }>> {
    const { bulletins } = await readIssuedBulletins(this.storage.store, planId);
    if (bulletins.length === 0 && !(await loadPlanEventsOf(this.storage, planId))) return notFound('plan', planId);
    return accepted({ planId, bulletins: bulletins.map(answerOf) });
  }
}

@QueryHandler(PreviewBulletinQuery)
export class PreviewBulletinHandler implements IQueryHandler<PreviewBulletinQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ planId, asOf: requested, basis, period, viewer }: PreviewBulletinQuery): Promise<QueryResult<BulletinModel>> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    const asOf = asOfOf(requested ?? (await this.clock.now()).toISOString(), loaded, basis);
    if ('ok' in asOf) return asOf;
    let model: BulletinModel;
    try {
      model = buildBulletinModel(planId, loaded.events, asOf, { period });
    } catch (error) {
      return modelRejection(error, 'phase');
    }
    // A preview reads the record as of a moment: recorded like the other as-of views.
    await this.trail.viewed(viewer.actor, { route: 'GET /plans/{id}/bulletins/preview', planId, asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    return accepted(model);
  }
}

@QueryHandler(BulletinFileQuery)
export class BulletinFileHandler implements IQueryHandler<BulletinFileQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly files: AssignmentFiles) {}

  async execute({ planId, file }: BulletinFileQuery): Promise<QueryResult<BulletinFile>> {
    const format = file.endsWith('.xlsx') ? 'xlsx' : 'docx';
    const number = file.slice(0, -'.docx'.length);
    const { bulletins } = await readIssuedBulletins(this.storage.store, planId);
    for (const bulletin of bulletins) {
      const document = bulletin.documents.find((d) => d.format === format && (d.name === file || bulletin.number === number));
      if (document) return accepted({ bulletin, document, path: contentPathOf(this.files.dir, document.sha256) });
    }
    return rejected({ kind: 'not_found', message: `plan ${planId} has no bulletin ${number} (GET /plans/${planId}/bulletins lists them)` });
  }
}
