import ical, { ICalAlarmType } from 'ical-generator';
import type { OpenDeadline } from './calendar-feeds';

/**
 * An iCalendar feed of open deadlines: one event per assignment at its due moment, with a display
 * alarm for each of the plan's reminder offsets (7 and 1 days before, as the engine reminds).
 */
export function renderFeed(name: string, deadlines: readonly OpenDeadline[], publicUrl?: string): string {
  const calendar = ical({ name, prodId: { company: 'planledger', product: 'deadlines', language: 'ZH' }, timezone: deadlines[0]?.timeZone ?? 'Asia/Shanghai' });
  for (const d of deadlines) {
    const due = new Date(d.dueAt);
    const link = publicUrl ? `${publicUrl.replace(/\/+$/, '')}/app/assignments/${encodeURIComponent(`${d.planId}.${d.assignmentId}`)}` : undefined;
    const event = calendar.createEvent({
      id: `${d.planId}.${d.assignmentId}@planledger`,
      start: due,
      end: due,
      summary: `截止：${d.title}`,
      description: [d.planTitle, ...(link ? [link] : [])].join('\n'),
      ...(link && { url: link }),
    });
    for (const days of d.remindDaysBefore) event.createAlarm({ type: ICalAlarmType.display, trigger: days * 86_400, description: `${d.title}：${days}天后截止` });
  }
  return calendar.toString();
}
