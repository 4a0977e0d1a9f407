import { currentSchemaVersions, isPlanledgerEventType, type PlanledgerEvent } from './planledger-event';

/** An event as read back from a store, whatever version it was written at. */
export interface StoredEventShape {
  type: string;
  schemaVersion: number;
  at: string;
  actor: PlanledgerEvent['actor'];
  data: unknown;
}

/** Turns version N data of one event type into version N+1. Stored events are never rewritten. */
export type Upcaster = (data: unknown) => unknown;
export type UpcasterRegistry = Partial<Record<PlanledgerEvent['type'], Record<number, Upcaster>>>;

/**
 * No stored event has changed shape yet, so the registry is empty. When one must, write the new
 * shape as version N+1, add `{ [N]: dataV(N) => dataV(N+1) }` here, bump currentSchemaVersions.
 */
export const upcasters: UpcasterRegistry = {};

export class UnknownEventError extends Error {
  constructor(readonly eventType: string, readonly schemaVersion: number, reason: string) {
    super(`cannot read stored event ${eventType} v${schemaVersion}: ${reason}`);
  }
}

/** The version `decide` writes today, per event type; a parameter so that a test can stand in a future version. */
export type SchemaVersions = Readonly<Record<PlanledgerEvent['type'], number>>;

export function upcast(stored: StoredEventShape, registry: UpcasterRegistry = upcasters, versions: SchemaVersions = currentSchemaVersions): PlanledgerEvent {
  if (!isPlanledgerEventType(stored.type)) throw new UnknownEventError(stored.type, stored.schemaVersion, 'unknown event type');
  const target = versions[stored.type];
  if (stored.schemaVersion > target) throw new UnknownEventError(stored.type, stored.schemaVersion, `newer than this code (v${target}); upgrade planledger`);
  let data = stored.data;
  for (let v = stored.schemaVersion; v < target; v++) {
    const step = registry[stored.type]?.[v];
    if (!step) throw new UnknownEventError(stored.type, stored.schemaVersion, `no upcaster from v${v} to v${v + 1}`);
    data = step(data);
  }
  return { type: stored.type, schemaVersion: target, at: stored.at, actor: stored.actor, data } as PlanledgerEvent;
}
