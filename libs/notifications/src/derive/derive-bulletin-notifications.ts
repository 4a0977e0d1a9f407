import type { BulletinNotice, DerivedNotification } from '../notification';
import type { ScheduleForMessages } from './derive-notifications';

/** A BulletinIssued as the notice needs it (the event lives on `bulletin-{planId}`, outside the domain union: ADR 0017). */
export interface IssuedBulletinFacts {
  /** Business time of the issue. */
  at: string;
  bulletin: BulletinNotice;
}

/**
 * Who hears of an issued bulletin (通报): every department of the plan, since a bulletin names who is
 * ahead and who is behind and is addressed to all of them. One notice each, not urgent (it waits for
 * a digest slot like plan news). Pure: the projection gathers the schedule and writes the outbox.
 */
export function deriveBulletinNotifications(issued: IssuedBulletinFacts, schedule: Pick<ScheduleForMessages, 'planId' | 'title' | 'timeZone' | 'departments' | 'phases'>): DerivedNotification[] {
  const { period } = issued.bulletin;
  const phaseName = period.kind === 'phase' ? schedule.phases.find((p) => p.phaseId === period.phaseId)?.name : undefined;
  const bulletin: BulletinNotice = { ...issued.bulletin, period: period.kind === 'phase' && phaseName ? { ...period, phaseName } : period };
  return [...schedule.departments].sort((a, b) => a.id.localeCompare(b.id)).map((d) => ({
    recipientId: d.id,
    urgent: false,
    facts: { kind: 'bulletin-issued', planId: schedule.planId, planTitle: schedule.title, timeZone: schedule.timeZone, at: issued.at, recipientId: d.id, recipientName: d.name, bulletin },
  }));
}
