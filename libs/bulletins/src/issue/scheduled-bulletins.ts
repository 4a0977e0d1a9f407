import type { PlanEvents } from '@planledger/audit';
import { systemActor, type ScheduledBulletin } from '@planledger/domain';
import { scheduleAsOf } from '../assessment/build-assessment';
import type { IssuedBulletin } from './bulletin-issued';
import { issueBulletinUnless, readIssuedBulletins, type IssueContext } from './issue-bulletin';

/*
 * Bulletins the plan's timetable issues by itself (ADR 0025). The slots are compiled into the
 * schedule (libs/scheduling); the simulator prints each as BulletinDue; the service issues each one
 * once its instant has passed, as of that instant on business time, with the next number in
 * sequence. A slot counts as issued when a bulletin of the plan has its period and was asked for
 * as of its instant (`asOf.requested`): issuing is idempotent from the record, not from a queue.
 */

const samePeriod = (slot: ScheduledBulletin, bulletin: IssuedBulletin): boolean =>
  slot.period.kind === 'phase'
    ? bulletin.period.kind === 'phase' && bulletin.period.phaseId === slot.period.phaseId
    : bulletin.period.kind === 'window' && bulletin.period.from === slot.period.from && bulletin.period.to === slot.period.to;

/** Whether an issued bulletin answers the slot: its period, asked for as of the slot's instant. */
const answers = (slot: ScheduledBulletin) => (bulletin: IssuedBulletin): boolean =>
  samePeriod(slot, bulletin) && Date.parse(bulletin.asOf.requested) === Date.parse(slot.dueAt);

/** The timetable's slots due by `nowMs` (business time) that no issued bulletin answers yet, oldest first. */
export function dueBulletinSlots(planEvents: PlanEvents, issued: readonly IssuedBulletin[], nowMs: number): ScheduledBulletin[] {
  const now = new Date(nowMs).toISOString();
  const schedule = scheduleAsOf(planEvents.planId, planEvents.events, { instant: now, basis: 'business', requested: now });
  const published = planEvents.events.some((e) => e.type === 'PlanPublished');
  if (!published || !schedule?.bulletins) return [];
  return schedule.bulletins.slots.filter((slot) => Date.parse(slot.dueAt) <= nowMs && !issued.some(answers(slot)));
}

/**
 * Issues every slot due by `context.now` and not issued yet, each as of its own instant (a worker
 * that was down catches up, oldest first). Returns what it issued. Safe to run concurrently: each
 * slot is issued only if the bulletins read just before its append do not answer it, and the append
 * expects that read's revision, so of two sweeps at the same moment one issues the slot and the
 * other, its append refused, reads again and issues nothing.
 */
export async function issueScheduledBulletins(planEvents: PlanEvents, context: Omit<IssueContext, 'actor'>): Promise<IssuedBulletin[]> {
  const { bulletins } = await readIssuedBulletins(context.store, planEvents.planId);
  const issued: IssuedBulletin[] = [];
  for (const slot of dueBulletinSlots(planEvents, bulletins, context.now.getTime())) {
    const asOf = { instant: new Date(slot.dueAt).toISOString(), basis: 'business' as const, requested: slot.dueAt };
    const issuing = { ...context, actor: systemActor, correlationId: context.correlationId ?? `bulletin/${slot.slotId}` };
    const outcome = await issueBulletinUnless(planEvents, { asOf, period: slot.period }, issuing, (record) => record.some(answers(slot)));
    if (outcome) issued.push(outcome.bulletin);
  }
  return issued;
}
