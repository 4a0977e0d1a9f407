import { z } from 'zod';
import type { StoredEvent } from '@planledger/event-store';

/*
 * Target statuses and inspection findings as the assessment reads them from the plan's stream
 * `plan-<planId>`, by type name and schema version (the shapes of the #15 contract). They are not
 * PlanledgerEvents here on purpose: the work that records them owns their place in the domain
 * union; the rubric only reads what was stored. An event of either name that does not parse is
 * reported, never guessed at.
 */

const targetStatus = z.enum(['on-track', 'at-risk', 'met', 'missed']);

export const TargetStatusChangedV1 = z.object({
  planId: z.string(),
  targetId: z.string(),
  unitId: z.string().nullable(),
  period: z.string(),
  status: targetStatus,
  previousStatus: targetStatus.optional(),
  reason: z.string(),
  at: z.string(),
});
export type TargetStatusChangedV1 = z.infer<typeof TargetStatusChangedV1>;

export const FindingRecordedV1 = z.object({
  planId: z.string(),
  inspectionId: z.string(),
  findingId: z.string(),
  unitId: z.string(),
  text: z.string(),
  repeatOf: z.string().optional(),
  rectificationAssignmentId: z.string(),
  at: z.string(),
});
export type FindingRecordedV1 = z.infer<typeof FindingRecordedV1>;

export const TARGET_STATUS_CHANGED = 'TargetStatusChanged';
export const FINDING_RECORDED = 'FindingRecorded';

export class UnreadableSupervisionEventError extends Error {
  constructor(readonly stream: string, readonly revision: bigint, readonly type: string, detail: string) {
    super(`${type} at ${stream}#${revision} does not have the shape of schema version 1: ${detail}`);
  }
}

const read = <T>(schema: z.ZodType<T>, event: StoredEvent): T => {
  if (event.schemaVersion !== 1) throw new UnreadableSupervisionEventError(event.stream, event.revision, event.type, `schema version ${event.schemaVersion} is not known`);
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UnreadableSupervisionEventError(event.stream, event.revision, event.type, `${first?.path.join('.') || '(data)'}: ${first?.message}`);
  }
  return parsed.data;
};

/** The target status or finding an event records, or undefined for any other event. */
export function supervisionRecordOf(event: StoredEvent):
  | { kind: 'target'; data: TargetStatusChangedV1 }
  | { kind: 'finding'; data: FindingRecordedV1 }
  | undefined {
  if (event.type === TARGET_STATUS_CHANGED) return { kind: 'target', data: read(TargetStatusChangedV1, event) };
  if (event.type === FINDING_RECORDED) return { kind: 'finding', data: read(FindingRecordedV1, event) };
  return undefined;
}
