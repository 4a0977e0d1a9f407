import { z } from 'zod';
import type { PlanSchedule } from '@planledger/domain';
import { formatGlobalPosition, type SqlQueryable, type StoredEvent } from '@planledger/event-store';
import { deriveBulletinNotifications } from '@planledger/notifications';
import { insertNotificationRows } from './notifications.projection';

/**
 * `BulletinIssued` v1 (libs/bulletins, ADR 0017) as the notice reads it: a local reader of the
 * stored event by type name, since the event is outside the domain union and libs/bulletins sits
 * above the projections. Another version is left alone (it is not this process's to guess).
 */
export const BULLETIN_ISSUED_TYPE = 'BulletinIssued';
const issuedData = z.object({
  planId: z.string(),
  number: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  period: z.union([
    z.object({ kind: z.literal('plan') }),
    z.object({ kind: z.literal('phase'), phaseId: z.string() }),
    z.object({ kind: z.literal('window'), from: z.string(), to: z.string() }),
  ]),
  documents: z.array(z.object({ format: z.string(), name: z.string() })),
});

/**
 * A bulletin issued (on demand or by the timetable's sweep) is news for every department of the
 * plan on the channels they set up (ADR 0025): rows in notification_outbox keyed by the
 * BulletinIssued event, so a replay or a rebuild adds nothing and a bulletin is announced once.
 */
export async function projectBulletinNotifications(tx: SqlQueryable, stored: StoredEvent): Promise<void> {
  if (stored.type !== BULLETIN_ISSUED_TYPE || stored.schemaVersion !== 1) return;
  const parsed = issuedData.safeParse(stored.data);
  const docx = parsed.success ? parsed.data.documents.find((d) => d.format === 'docx') : undefined;
  if (!parsed.success || !docx) return;
  const data = parsed.data;
  const [row] = await tx.query<{ schedule: PlanSchedule | string }>('select schedule from read_plans where plan_id = $1', [data.planId]);
  if (!row) return;
  const schedule: PlanSchedule = typeof row.schedule === 'string' ? JSON.parse(row.schedule) : row.schedule;
  const at = stored.metadata.businessTime ?? stored.recordedAt.toISOString();
  const derived = deriveBulletinNotifications(
    { at, bulletin: { number: data.number, title: data.title, issuedOn: data.issuedOn, period: data.period, file: docx.name } },
    schedule,
  );
  await insertNotificationRows(tx, { stored, eventAt: at, planId: data.planId, position: formatGlobalPosition(stored.position) }, derived);
}
