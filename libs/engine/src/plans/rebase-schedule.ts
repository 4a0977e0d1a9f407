import { DateTime } from 'luxon';
import type { Instant, PlanSchedule } from '@planledger/domain';

/**
 * Shifts every instant of a schedule by the whole days between its first local day and `startDate`
 * (YYYY-MM-DD, in the plan's time zone), keeping each time of day: last cycle's plan, reused.
 * Assignment ids and period keys stay as written (they name the obligation, not the date).
 */
export function rebaseSchedule(schedule: PlanSchedule, startDate: string, planId = schedule.planId): PlanSchedule {
  const zone = schedule.timeZone;
  const from = DateTime.fromISO(schedule.startsAt, { zone }).startOf('day');
  const to = DateTime.fromISO(startDate, { zone });
  if (!to.isValid) throw new RangeError(`rebase: "${startDate}" is not a date (YYYY-MM-DD)`);
  const days = Math.round(to.startOf('day').diff(from, 'days').days);
  const shift = (at: Instant): Instant => DateTime.fromISO(at, { zone }).plus({ days }).toISO()!;
  const shiftDate = (date: string): string => DateTime.fromISO(date, { zone }).plus({ days }).toISODate()!;
  const shiftOptional = (at: Instant | undefined) => (at === undefined ? undefined : shift(at));
  return {
    ...schedule,
    planId,
    startsAt: shift(schedule.startsAt),
    endsAt: shift(schedule.endsAt),
    ...(schedule.publishesAt !== undefined && { publishesAt: shift(schedule.publishesAt) }),
    phases: schedule.phases.map((phase) => ({
      ...phase,
      opensAt: shift(phase.opensAt),
      closesAt: shift(phase.closesAt),
      ...(phase.closingStartsAt !== undefined && { closingStartsAt: shiftOptional(phase.closingStartsAt) }),
    })),
    obligations: schedule.obligations.map((o) => ({ ...o, issueAt: shift(o.issueAt), dueAt: shift(o.dueAt) })),
    // What the plan expects on dates (an outside event's window, an inspection's day) moves by the same days.
    ...(schedule.outsideEvents !== undefined && {
      outsideEvents: schedule.outsideEvents.map((e) => (e.expected ? { ...e, expected: { from: shiftDate(e.expected.from), to: shiftDate(e.expected.to) } } : e)),
    }),
    // A target's periods keep their labels, as reporting work keeps its period keys; the instants they are judged at move (ADR 0026).
    ...(schedule.targets !== undefined && {
      targets: schedule.targets.map((t) => (t.periodEnds ? { ...t, periodEnds: t.periodEnds.map((end) => ({ ...end, judgedAt: shift(end.judgedAt) })) } : t)),
    }),
    ...(schedule.inspections !== undefined && {
      inspections: schedule.inspections.map((i) => (i.date !== undefined ? { ...i, date: shiftDate(i.date) } : i)),
    }),
    // Scheduled bulletins move with the plan (their windows by the same days; slot ids name the slot, as assignment ids do).
    ...(schedule.bulletins !== undefined && {
      bulletins: {
        ...schedule.bulletins,
        slots: schedule.bulletins.slots.map((slot) => ({
          ...slot,
          dueAt: shift(slot.dueAt),
          period: slot.period.kind === 'window' ? { ...slot.period, from: shiftDate(slot.period.from), to: shiftDate(slot.period.to) } : slot.period,
        })),
      },
    }),
  };
}
