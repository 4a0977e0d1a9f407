import type { PlanledgerEvent } from '@planledger/domain';
import type { SqlQueryable, StoredEvent } from '@planledger/event-store';

/** One stored event as the handlers see it: the domain's shape plus where it came from. */
export interface ProjectedEvent {
  stored: StoredEvent;
  event: PlanledgerEvent;
  /** The event's global position as text ("commit:prepare"), kept as `last_position`. */
  position: string;
}

/**
 * Applies one event to one read model inside the batch's transaction. Handlers never read a
 * clock: every instant they write comes from the event, so a rebuild writes identical rows.
 */
export type ProjectionHandler = (tx: SqlQueryable, projected: ProjectedEvent) => Promise<void>;
