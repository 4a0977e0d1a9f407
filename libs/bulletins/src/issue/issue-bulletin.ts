import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentPathOf, sha256OfFile, type AsOf, type PlanEvents } from '@planledger/audit';
import { localDateOf } from '@planledger/calendar';
import { ConcurrencyError, type Actor, type EventStore } from '@planledger/event-store';
import { buildBulletinModel, sectionOf, type BulletinModel, type BulletinPeriod } from '../model/bulletin-model';
import { GB_FONTS, renderBulletinDocx, type BulletinFonts } from '../render/bulletin-docx';
import { defaultTitle, layoutBulletin, type BulletinLayout } from '../render/bulletin-layout';
import { renderBulletinXlsx } from '../render/bulletin-xlsx';
import {
  BULLETIN_ISSUED, BULLETIN_ISSUED_VERSION, DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE, bulletinStreamOf, issuedBulletinOf,
  type BulletinDocument, type BulletinIssuedData, type IssuedBulletin,
} from './bulletin-issued';

export class BulletinNumberTakenError extends Error {
  constructor(readonly number: string, readonly issuedAt: string) {
    super(`bulletin number ${number} was already issued for this plan (at ${issuedAt}); a number is issued once`);
  }
}

/** The bulletins of a plan, in the order issued, and the stream's last revision (for the next append). */
export async function readIssuedBulletins(store: EventStore, planId: string): Promise<{ bulletins: IssuedBulletin[]; lastRevision: bigint | undefined }> {
  const bulletins: IssuedBulletin[] = [];
  let lastRevision: bigint | undefined;
  for await (const event of store.readStream(bulletinStreamOf(planId))) {
    lastRevision = event.revision;
    const bulletin = issuedBulletinOf(event);
    if (bulletin) bulletins.push(bulletin);
  }
  return { bulletins, lastRevision };
}

/** 連區教〔2021〕124號 → 連區教: the part of the plan's own number before the year. */
const prefixOfPlanNumber = (documentNumber: string): string => documentNumber.split(/[〔[（(]/)[0].trim();

/**
 * The next number in sequence for this prefix and year: 1 + the highest serial already issued as
 * `{prefix}〔{year}〕{n}号` for the plan (numbers given by hand count too), so numbers never repeat.
 */
export function nextBulletinNumber(issued: readonly Pick<IssuedBulletin, 'number'>[], prefix: string, year: number): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}〔${year}〕(\\d+)[号號]$`);
  const highest = Math.max(0, ...issued.map((b) => Number(pattern.exec(b.number)?.[1] ?? 0)));
  return `${prefix}〔${year}〕${highest + 1}号`;
}

export interface BulletinRequest {
  asOf: AsOf;
  period?: BulletinPeriod;
  /** Given by the caller, else the next in sequence. */
  number?: string;
  /** For a generated number: default the plan's own number's prefix with 督 (連區教 → 連區教督). */
  numberPrefix?: string;
  title?: string;
  /** 主送: default 各责任单位. */
  addressee?: string;
  fonts?: BulletinFonts;
}

export interface RenderedBulletin {
  model: BulletinModel;
  layout: BulletinLayout;
  docx: Buffer;
  xlsx: Buffer;
}

/** The model, its layout and both files, for a given number and issue date; stores nothing. */
export async function renderBulletin(planEvents: PlanEvents, request: BulletinRequest & { number: string }, issuedAt: Date): Promise<RenderedBulletin> {
  const model = buildBulletinModel(planEvents.planId, planEvents.events, request.asOf, { period: request.period });
  const layout = layoutBulletin(model, {
    issuer: model.plan.issuingAuthority.name,
    number: request.number,
    title: request.title ?? defaultTitle(model),
    issuedOn: localDateOf(issuedAt.toISOString(), model.plan.timeZone),
    addressee: request.addressee ?? '各责任单位',
  });
  const docx = await renderBulletinDocx(layout, request.fonts ?? GB_FONTS);
  const xlsx = await renderBulletinXlsx(layout, { planId: model.plan.planId, asOf: model.asOf.instant, basis: model.asOf.basis });
  return { model, layout, docx, xlsx };
}

/** Writes content to the file store under its SHA-256 (temp file, fsync, rename, as uploads are kept: ADR 0010). */
async function keepContent(filesDir: string, content: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const target = contentPathOf(filesDir, sha256);
  if ((await sha256OfFile(target)) === sha256) return sha256;
  await mkdir(join(filesDir, 'tmp'), { recursive: true });
  const temp = join(filesDir, 'tmp', `${randomUUID()}.part`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(temp, target);
  const folder = await open(dirname(target), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return sha256;
}

/** File names safe on every system: the number's brackets kept, path separators not. */
export const bulletinFileName = (number: string, format: 'docx' | 'xlsx'): string => `${number.replace(/[\\/:*?"<>|]/g, '_')}.${format}`;

export interface IssueContext {
  store: EventStore;
  filesDir: string;
  actor: Actor;
  /** Business time of the issue (the service's clock): the 成文日期 and the event's business time. */
  now: Date;
  correlationId?: string;
}

/**
 * Issues a bulletin: renders it, keeps both files in the content store, and appends
 * BulletinIssued to `bulletin-{planId}` expecting the revision it read, so two issues of one
 * number cannot both succeed. Throws BulletinNumberTakenError for a number issued before, and the
 * model's errors (plan not recorded by then, unknown phase).
 */
export async function issueBulletin(planEvents: PlanEvents, request: BulletinRequest, context: IssueContext): Promise<{ bulletin: IssuedBulletin; rendered: RenderedBulletin }> {
  return (await issueBulletinUnless(planEvents, request, context, () => false))!;
}

/**
 * issueBulletin, unless the plan's bulletins as read just before the append already answer the
 * request (`answered`): then nothing is issued and the result is undefined. The append expects the
 * revision that read saw, so two sweeps issuing one scheduled slot at the same moment cannot both
 * succeed: the loser reads again, finds the slot answered, and issues nothing.
 */
export async function issueBulletinUnless(
  planEvents: PlanEvents,
  request: BulletinRequest,
  context: IssueContext,
  answered: (issued: readonly IssuedBulletin[]) => boolean,
): Promise<{ bulletin: IssuedBulletin; rendered: RenderedBulletin } | undefined> {
  // A generated number lost to a concurrent issue is simply the next one: try again (a given number is refused instead).
  for (let attempt = 1; ; attempt++) {
    try {
      return await issueOnce(planEvents, request, context, answered);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || request.number || attempt >= 3) throw error;
    }
  }
}

async function issueOnce(
  planEvents: PlanEvents,
  request: BulletinRequest,
  context: IssueContext,
  answered: (issued: readonly IssuedBulletin[]) => boolean,
): Promise<{ bulletin: IssuedBulletin; rendered: RenderedBulletin } | undefined> {
  const { bulletins, lastRevision } = await readIssuedBulletins(context.store, planEvents.planId);
  if (answered(bulletins)) return undefined;
  let number = request.number?.trim();
  if (number) {
    const taken = bulletins.find((b) => b.number === number);
    if (taken) throw new BulletinNumberTakenError(number, taken.issuedAt);
  }
  // A first render decides the plan's zone and prefix; the number only changes text, not figures.
  const year = Number(localDateOf(context.now.toISOString(), planEvents.timeZone).slice(0, 4));
  if (!number) {
    const probe = buildBulletinModel(planEvents.planId, planEvents.events, request.asOf, { period: request.period });
    number = nextBulletinNumber(bulletins, request.numberPrefix ?? `${prefixOfPlanNumber(probe.plan.documentNumber)}督`, year);
  }
  const rendered = await renderBulletin(planEvents, { ...request, number }, context.now);
  const documents: BulletinDocument[] = [];
  for (const [format, content, mediaType] of [['docx', rendered.docx, DOCX_MEDIA_TYPE], ['xlsx', rendered.xlsx, XLSX_MEDIA_TYPE]] as const) {
    const sha256 = await keepContent(context.filesDir, content);
    documents.push({ format, sha256, name: bulletinFileName(number, format), size: content.length, mediaType });
  }
  const overview = sectionOf(rendered.model, 'overview')!.figures;
  const { model, layout } = rendered;
  const data: BulletinIssuedData = {
    planId: planEvents.planId, number, title: layout.head.title, issuer: layout.head.issuer, issuedOn: layout.head.issuedOn,
    asOf: { instant: model.asOf.instant, basis: model.asOf.basis, requested: model.asOf.requested, judgedAt: model.asOf.judgedAt, eventsReplayed: model.asOf.eventsReplayed },
    period: model.period.kind === 'phase' ? { kind: 'phase', phaseId: model.period.phaseId }
      : model.period.kind === 'window' ? { kind: 'window', from: model.period.from, to: model.period.to } : { kind: 'plan' },
    documents,
    figures: {
      issued: overview.issued, accepted: overview.accepted, acceptedOnTime: overview.acceptedOnTime, onTimeRate: overview.onTimeRate,
      overdueNow: overview.overdueNow, escalatedNow: overview.escalatedNow,
    },
  };
  const stream = bulletinStreamOf(planEvents.planId);
  try {
    const appended = await context.store.append(stream, [{
      eventId: randomUUID(), type: BULLETIN_ISSUED, schemaVersion: BULLETIN_ISSUED_VERSION, data,
      metadata: { actor: context.actor, businessTime: context.now.toISOString(), ...(context.correlationId && { correlationId: context.correlationId }) },
    }], lastRevision ?? 'no_stream');
    return {
      bulletin: { ...data, issuedAt: context.now.toISOString(), issuedBy: context.actor.userId, stream, revision: appended.nextExpectedRevision.toString() },
      rendered,
    };
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    // Someone issued meanwhile: a given number they took is refused; a generated one is tried afresh by issueBulletin.
    const again = (await readIssuedBulletins(context.store, planEvents.planId)).bulletins.find((b) => b.number === number);
    if (again && request.number) throw new BulletinNumberTakenError(number, again.issuedAt);
    throw error;
  }
}
