import { DateTime } from 'luxon';
import type { Locale } from '../notification';

const ZH_WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function inZone(at: string, zone: string): DateTime {
  const instant = DateTime.fromISO(at, { setZone: true });
  if (!instant.isValid) throw new Error(`not an ISO-8601 instant: ${at}`);
  const local = instant.setZone(zone);
  if (!local.isValid) throw new Error(`not a time zone: ${zone}`);
  return local;
}

/**
 * A due date as people read it, in the plan's zone, with its weekday: "2022年3月7日（星期一）23:59",
 * "Monday 7 March 2022, 23:59". Weekday names are written here, not taken from Intl, so that a
 * Node built without full ICU writes the same.
 */
export function formatDue(at: string, zone: string, locale: Locale): string {
  const local = inZone(at, zone);
  const time = local.toFormat('HH:mm');
  if (locale === 'zh-CN') return `${local.year}年${local.month}月${local.day}日（${ZH_WEEKDAYS[local.weekday - 1]}）${time}`;
  return `${EN_WEEKDAYS[local.weekday - 1]} ${local.day} ${EN_MONTHS[local.month - 1]} ${local.year}, ${time}`;
}

/** A day without its time ("12月7日（星期一）", "Monday 7 December"), for digest headings. */
export function formatDay(at: string, zone: string, locale: Locale): string {
  const local = inZone(at, zone);
  if (locale === 'zh-CN') return `${local.year}年${local.month}月${local.day}日（${ZH_WEEKDAYS[local.weekday - 1]}）`;
  return `${EN_WEEKDAYS[local.weekday - 1]} ${local.day} ${EN_MONTHS[local.month - 1]} ${local.year}`;
}
