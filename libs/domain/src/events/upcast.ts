import { parseStreamName } from '../streams/stream-names';
import { currentSchemaVersions, isPlanledgerEventType, type PlanledgerEvent, type PlanledgerEventType } from './planledger-event';

/** An event as read back from a store, whatever version it was written at. */
export interface StoredEventShape {
  type: string;
  schemaVersion: number;
  /** The stream it was stored in: an upcaster may need what the name says (the plan id). */
  stream: string;
  at: string;
  actor: PlanledgerEvent['actor'];
  data: unknown;
}

/** Turns version N data of one event type into version N+1. Stored events are never rewritten. */
export type Upcaster = (data: unknown, context: { stream: string }) => unknown;
export type UpcasterRegistry = Partial<Record<PlanledgerEventType, Record<number, Upcaster>>>;

/** v1 → v2 of assignment events: add the plan id, which v1 left to the stream name. */
const addPlanIdOfStream: Upcaster = (data, { stream }) => {
  const ref = parseStreamName(stream);
  if (ref?.aggregate !== 'assignment') throw new Error(`stream "${stream}" is not an assignment stream`);
  if (typeof data !== 'object' || data === null) throw new Error('data is not an object');
  return { planId: ref.planId, ...data };
};

/**
 * v2 → v3 of AssignmentProgressReported and AssignmentSubmitted: attachments may now be uploaded
 * files. A v2 attachment could only be a reference `{ref, name?}`, which v3 keeps as it is; the
 * step checks that, so a damaged v2 event is named rather than read as something it is not.
 */
const attachmentsMayBeFiles: Upcaster = (data) => {
  if (typeof data !== 'object' || data === null) throw new Error('data is not an object');
  const attachments = (data as { attachments?: unknown }).attachments;
  if (!Array.isArray(attachments)) throw new Error('attachments is not a list');
  attachments.forEach((attachment, i) => {
    if (typeof attachment !== 'object' || attachment === null || typeof (attachment as { ref?: unknown }).ref !== 'string') {
      throw new Error(`attachments[${i}] is not a reference {ref, name?}`);
    }
  });
  return data;
};

/**
 * How stored events reach the versions in currentSchemaVersions. To change an event's shape:
 * write the new shape as version N+1, add `{ [N]: dataV(N) => dataV(N+1) }` here, bump the
 * version in its type and in currentSchemaVersions.
 */
export const upcasters: UpcasterRegistry = {
  AssignmentAcknowledged: { 1: addPlanIdOfStream },
  AssignmentStarted: { 1: addPlanIdOfStream },
  AssignmentProgressReported: { 1: addPlanIdOfStream, 2: attachmentsMayBeFiles },
  AssignmentSubmitted: { 1: addPlanIdOfStream, 2: attachmentsMayBeFiles },
  AssignmentReviewPassed: { 1: addPlanIdOfStream },
  AssignmentReturned: { 1: addPlanIdOfStream },
  AssignmentAccepted: { 1: addPlanIdOfStream },
  AssignmentReminderDue: { 1: addPlanIdOfStream },
  AssignmentOverdue: { 1: addPlanIdOfStream },
  AssignmentEscalated: { 1: addPlanIdOfStream },
  AssignmentWaived: { 1: addPlanIdOfStream },
  AssignmentReassigned: { 1: addPlanIdOfStream },
  AssignmentCancelled: { 1: addPlanIdOfStream },
  AssignmentDeadlineMoved: { 1: addPlanIdOfStream },
};

export class UnknownEventError extends Error {
  constructor(readonly eventType: string, readonly schemaVersion: number, reason: string) {
    super(`cannot read stored event ${eventType} v${schemaVersion}: ${reason}`);
  }
}

/** The version `decide` writes today, per event type; a parameter so that a test can stand in a future version. */
export type SchemaVersions = Readonly<Record<PlanledgerEventType, number>>;

export function upcast(stored: StoredEventShape, registry: UpcasterRegistry = upcasters, versions: SchemaVersions = currentSchemaVersions): PlanledgerEvent {
  if (!isPlanledgerEventType(stored.type)) throw new UnknownEventError(stored.type, stored.schemaVersion, 'unknown event type');
  const target = versions[stored.type];
  if (stored.schemaVersion > target) throw new UnknownEventError(stored.type, stored.schemaVersion, `newer than this code (v${target}); upgrade planledger`);
  let data = stored.data;
  for (let v = stored.schemaVersion; v < target; v++) {
    const step = registry[stored.type]?.[v];
    if (!step) throw new UnknownEventError(stored.type, stored.schemaVersion, `no upcaster from v${v} to v${v + 1}`);
    try {
      data = step(data, { stream: stored.stream });
    } catch (error) {
      throw new UnknownEventError(stored.type, stored.schemaVersion, `v${v} to v${v + 1} in stream "${stored.stream}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { type: stored.type, schemaVersion: target, at: stored.at, actor: stored.actor, data } as PlanledgerEvent;
}
