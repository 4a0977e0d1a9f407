import { isPlanledgerEventType } from '@planledger/domain';
import { toDomainEvent } from '@planledger/engine';
import { formatGlobalPosition, type SqlQueryable, type StoredEvent } from '@planledger/event-store';
import { projectAssignment } from './assignments.projection';
import { projectPhase } from './phases.projection';
import { projectPlan } from './plans.projection';
import type { ProjectionHandler } from './projected-event';
import { projectTimers } from './timers.projection';
import { projectNotifications } from './notifications.projection';
import { projectRoster } from './roster.projection';
import { BULLETIN_ISSUED_TYPE, projectBulletinNotifications } from './bulletin-notifications.projection';

/** In this order: timers and notifications read the plan and assignment rows the handlers before them just wrote. */
export const PROJECTION_HANDLERS: readonly ProjectionHandler[] = [projectPlan, projectPhase, projectAssignment, projectTimers, projectNotifications, projectRoster];

/** Applies one stored event to every read model. Events of other applications sharing the store are skipped. */
export async function projectEvent(tx: SqlQueryable, stored: StoredEvent): Promise<void> {
  // A bulletin issued is outside the domain union (ADR 0017) but is news on the channels (ADR 0025).
  if (stored.type === BULLETIN_ISSUED_TYPE) return projectBulletinNotifications(tx, stored);
  if (!isPlanledgerEventType(stored.type)) return;
  const projected = { stored, event: toDomainEvent(stored), position: formatGlobalPosition(stored.position) };
  for (const handler of PROJECTION_HANDLERS) await handler(tx, projected);
}
