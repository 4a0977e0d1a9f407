import { z } from 'zod';
import type { StoredEvent } from '@planledger/event-store';

/**
 * Issuing a bulletin is a fact of the record: `BulletinIssued`, schema version 1, in the plan's
 * own bulletin stream `bulletin-{planId}` (ADR 0017). Not a PlanledgerEvent: the projections and
 * the PlanReactor skip it, and a plan's replay never reads the stream.
 */
export const BULLETIN_ISSUED = 'BulletinIssued';
export const BULLETIN_ISSUED_VERSION = 1;

export const bulletinStreamOf = (planId: string): string => `bulletin-${planId}`;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const documentSchema = z.object({
  format: z.enum(['docx', 'xlsx']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
});

const localDate = z.iso.date();
export const bulletinPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan') }),
  z.strictObject({ kind: z.literal('phase'), phaseId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('window'), from: localDate, to: localDate }).refine((w) => w.from <= w.to, { path: ['to'], message: 'the window ends before it starts' }),
]);

export const bulletinIssuedData = z.object({
  planId: z.string(),
  number: z.string(),
  title: z.string(),
  issuer: z.string(),
  /** 成文日期, where the plan lives. */
  issuedOn: z.string(),
  asOf: z.object({ instant: z.string(), basis: z.enum(['recorded', 'business']), requested: z.string(), judgedAt: z.string(), eventsReplayed: z.number().int() }),
  period: bulletinPeriodSchema,
  /** The two files, content-addressed in the file store: `audit verify` hashes them again. */
  documents: z.array(documentSchema),
  /** The headline figures, so a list of bulletins needs no file opened. */
  figures: z.object({ issued: z.number(), accepted: z.number(), acceptedOnTime: z.number(), onTimeRate: z.number().nullable(), overdueNow: z.number(), escalatedNow: z.number() }),
});
export type BulletinIssuedData = z.infer<typeof bulletinIssuedData>;
export type BulletinDocument = z.infer<typeof documentSchema>;

/** A stored BulletinIssued, checked (an event of another version or shape is refused by name). */
export interface IssuedBulletin extends BulletinIssuedData {
  issuedAt: string;
  issuedBy: string | null;
  stream: string;
  revision: string;
}

export function issuedBulletinOf(event: StoredEvent): IssuedBulletin | undefined {
  if (event.type !== BULLETIN_ISSUED) return undefined;
  if (event.schemaVersion !== BULLETIN_ISSUED_VERSION) throw new Error(`${event.stream}@${event.revision}: BulletinIssued version ${event.schemaVersion} is not known to this process`);
  const data = bulletinIssuedData.parse(event.data);
  return {
    ...data, issuedAt: event.metadata.businessTime ?? event.recordedAt.toISOString(), issuedBy: event.metadata.actor?.userId ?? null,
    stream: event.stream, revision: event.revision.toString(),
  };
}
