import type { PlanPreview } from '../../api/plan-files';
import { formatWeek, planTime } from '../../format';
import { useI18n } from '../../i18n/i18n';

/**
 * Deadlines per week over the plan's whole span, one thin bar a week: the picture of where the
 * work bunches up. The table beside it says the same in words (this is hidden from screen readers).
 */
export function WeeksStrip({ preview }: { preview: PlanPreview }) {
  const { t } = useI18n();
  const byWeek = new Map(preview.weeks.map((w) => [w.weekStart, w.deadlines]));
  const busiest = new Set(preview.busiestWeeks.map((w) => w.weekStart));
  const max = Math.max(1, ...preview.weeks.map((w) => w.deadlines));
  const start = planTime(preview.plan.startsAt).startOf('day');
  const first = start.subtract((start.day() + 6) % 7, 'day');
  const end = planTime(preview.plan.endsAt);
  const weeks: { weekStart: string; deadlines: number }[] = [];
  for (let week = first; !week.isAfter(end); week = week.add(7, 'day')) {
    const weekStart = week.format('YYYY-MM-DD');
    weeks.push({ weekStart, deadlines: byWeek.get(weekStart) ?? 0 });
  }
  const years = weeks.filter((w, i) => i === 0 || w.weekStart.slice(0, 4) !== weeks[i - 1].weekStart.slice(0, 4));
  return (
    <div aria-hidden="true" data-testid="weeks-strip" style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 1, height: 72, borderBottom: '1px solid #bfbfbf' }}>
        {weeks.map((w) => (
          <div
            key={w.weekStart}
            title={`${formatWeek(w.weekStart, t)}: ${w.deadlines}`}
            style={{ flex: 1, minWidth: 1, height: `${(100 * w.deadlines) / max}%`, background: busiest.has(w.weekStart) ? '#c4161c' : '#1f5fbf', opacity: w.deadlines ? 1 : 0 }}
          />
        ))}
      </div>
      <div style={{ position: 'relative', height: 18, fontSize: 12, color: 'rgba(0,0,0,0.66)' }}>
        {years.map((w) => (
          <span key={w.weekStart} style={{ position: 'absolute', left: `${(100 * weeks.indexOf(w)) / weeks.length}%` }}>{w.weekStart.slice(0, 4)}</span>
        ))}
      </div>
    </div>
  );
}
