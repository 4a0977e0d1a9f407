import dayjs from 'dayjs';
import type { Translate } from './i18n/i18n';

/**
 * The service writes instants in the plan's time zone with their offset
 * (2031-01-17T23:59:59.999+08:00): shown as written, the plan's wall time, whatever the
 * browser's zone.
 */
export function planTime(iso: string): dayjs.Dayjs {
  const wall = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)/.exec(iso);
  return wall ? dayjs(wall[1]) : dayjs(iso);
}

/** Date, weekday and time in the plan's zone. */
export const formatInstant = (iso: string, t: Translate): string => planTime(iso).format(t('weekday_format'));
export const formatDate = (iso: string, t: Translate): string => planTime(iso).format(t('date_format'));

const DAY = 86_400_000;

/** "还剩 3 天" / "今天到期" / "逾期 2 天", judged at the service's business time `now`. */
export function countdown(dueAt: string, now: string, t: Translate): { text: string; tone: 'overdue' | 'soon' | 'later' } {
  const ms = Date.parse(dueAt) - Date.parse(now);
  if (ms < 0) return { text: t('countdown_overdue', { days: Math.max(1, Math.floor(-ms / DAY)) }), tone: 'overdue' };
  if (planTime(dueAt).isSame(planTime(now), 'day')) return { text: t('countdown_today'), tone: 'soon' };
  const days = Math.ceil(ms / DAY);
  return { text: t('countdown_days', { days }), tone: days <= 7 ? 'soon' : 'later' };
}

/** A week as a date range in the plan's zone: "2022年8月29日 – 9月4日". */
export const formatWeek = (weekStart: string, t: Translate): string =>
  t('preview_weekValue', { from: planTime(weekStart).format(t('week_date_format')), to: planTime(weekStart).add(6, 'day').format(t('week_end_format')) });
