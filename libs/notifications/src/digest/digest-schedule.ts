import { DateTime } from 'luxon';
import { addDays, chinaHolidays, isWorkingDay, localDateOf, type HolidayCalendar } from '@planledger/calendar';

/** 每日待办汇总: one message at a local time, on working days only. */
export interface DigestSchedule {
  /** Local time of day, HH:mm. */
  time: string;
  /** The recipient's zone (the plan's zone by default). */
  zone: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The first digest moment at or after `after`: the configured local time on a working day by the
 * holiday calendar, so weekends and public holidays are skipped and make-up working days (调休) count.
 */
export function nextDigestAt(after: string, schedule: DigestSchedule, calendar: HolidayCalendar = chinaHolidays): string {
  const match = TIME.exec(schedule.time);
  if (!match) throw new Error(`digest time must be HH:mm, got "${schedule.time}"`);
  const afterMs = Date.parse(after);
  if (Number.isNaN(afterMs)) throw new Error(`not an ISO-8601 instant: ${after}`);
  let day = localDateOf(after, schedule.zone);
  // A year of days off in a row does not exist; the bound only guards against a broken calendar.
  for (let i = 0; i < 366; i++, day = addDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue;
    const slot = DateTime.fromISO(`${day}T${schedule.time}`, { zone: schedule.zone });
    if (slot.toMillis() >= afterMs) return slot.toUTC().toISO()!;
  }
  throw new Error(`no working day within a year after ${after} in calendar ${calendar.name}`);
}
