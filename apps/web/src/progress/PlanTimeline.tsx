import { useCallback, useMemo, useRef, useState } from 'react';
import { Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { EChart } from '../charts/EChart';
import type { EChartsCore } from '../charts/echarts';
import { planTime } from '../format';
import { useI18n } from '../i18n/i18n';
import type { TimelineAnswer } from './progress-queries';
import { STATE_COLOURS } from './state-colours';

type Zoom = 'all' | 'year' | 'quarter' | 'month';
const ZOOM_DAYS: Record<Exclude<Zoom, 'all'>, number> = { year: 365, quarter: 91, month: 30 };
const ROW_HEIGHT = 9;
const PHASE_ROW = 26;

// Mark colours: the worst state among the day's work for that measure.
const MARK_GROUPS = [
  { key: 'late', label: 'timeline_legendLate', colour: STATE_COLOURS.overdue.strong },
  { key: 'soon', label: 'timeline_legendSoon', colour: STATE_COLOURS.due_soon.strong },
  { key: 'done', label: 'timeline_legendDone', colour: STATE_COLOURS.accepted.strong },
  { key: 'open', label: 'timeline_legendOpen', colour: STATE_COLOURS.on_time.strong },
] as const;

/** Wall time in the plan's zone, read as the browser's local time: the axis then shows the plan's days whatever the browser's zone. */
const at = (iso: string) => planTime(iso).valueOf();

/**
 * One row per kind of phase (theme years, stages, steps), and more rows for a kind only where its
 * phases overlap (steps may: kind: step), so no bar hides another. Phases come in opening order.
 */
function phaseLanes(phases: readonly { kind: string; opensAt: string; closesAt: string }[]): { rowOf: number[]; count: number } {
  const lanes: { kind: string; closesAt: number }[] = [];
  const rowOf = phases.map((phase) => {
    const opens = Date.parse(phase.opensAt);
    let row = lanes.findIndex((lane) => lane.kind === phase.kind && lane.closesAt < opens);
    if (row < 0) row = lanes.push({ kind: phase.kind, closesAt: 0 }) - 1;
    lanes[row].closesAt = Date.parse(phase.closesAt);
    return row;
  });
  return { rowOf, count: lanes.length };
}

/**
 * 时间轴: phases as bars (one row per kind: theme years, stages), deadlines as marks — one per
 * (day, measure), sized by how much falls due — and today's line. Zoom with the buttons, the
 * wheel or the slider, from the whole span down to a month; ECharts draws on a canvas, so a few
 * thousand marks stay smooth.
 */
export function PlanTimeline({ data }: { data: TimelineAnswer }) {
  const { t } = useI18n();
  const chart = useRef<EChartsCore | null>(null);
  const [zoom, setZoom] = useState<Zoom>('all');
  // An undated phase (after: previous) has no dates to draw until it opens: the ordered-phases card shows it (ADR 0019).
  const phases = useMemo(() => data.phases.filter((p) => p.opensAfter === undefined), [data.phases]);
  const lanes = useMemo(() => phaseLanes(phases), [phases]);
  const start = at(data.startsAt);
  const end = at(data.endsAt);
  const now = at(data.now);

  const option = useMemo(() => {
    const phaseRows = lanes.count;
    const categories = [...Array.from({ length: lanes.count }, () => t('timeline_phases')), ...data.measures.map((m) => m.title)];
    const days = data.days.map((d) => dayjs(d).add(12, 'hour').valueOf());
    const groups: Record<string, (number | string)[][]> = { late: [], soon: [], done: [], open: [] };
    for (const [day, measure, total, accepted, late, soon] of data.marks) {
      const key = late > 0 ? 'late' : soon > 0 ? 'soon' : accepted >= total && total > 0 ? 'done' : 'open';
      groups[key].push([days[day], phaseRows + measure, total, accepted, late, soon]);
    }
    const maxTotal = Math.max(1, ...data.marks.map((m) => m[2]));
    const markText = (value: (number | string)[]) =>
      t('timeline_markText', {
        day: dayjs(Number(value[0])).format(t('date_format')), measure: data.measures[Number(value[1]) - phaseRows]?.title ?? '',
        total: value[2], accepted: value[3], late: value[4], soon: value[5],
      });
    return {
      animation: false,
      grid: { left: 16, right: 24, top: 44, bottom: 64, containLabel: true },
      legend: { top: 0, right: 24, data: MARK_GROUPS.map((g) => t(g.label)) },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesId?: string; value: (number | string)[] }) =>
          p.seriesId === 'phases'
            ? t('timeline_phaseText', { name: String(p.value[3]), from: dayjs(Number(p.value[1])).format(t('date_format')), to: dayjs(Number(p.value[2])).format(t('date_format')) })
            : markText(p.value),
      },
      xAxis: { type: 'time', min: start, max: end, axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}' } }, splitLine: { show: true, lineStyle: { color: '#f0f0f0' } } },
      yAxis: {
        type: 'category', data: categories, inverse: true,
        axisLabel: { interval: (i: number) => i < phaseRows || (i - phaseRows) % 5 === 0, fontSize: 11, color: '#555', width: 150, overflow: 'truncate' },
        axisTick: { show: false },
      },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', minValueSpan: 28 * 86_400_000 },
        { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', minValueSpan: 28 * 86_400_000, height: 22, bottom: 12, labelFormatter: (v: number) => dayjs(v).format('YYYY-MM-DD') },
      ],
      series: [
        {
          id: 'phases', type: 'custom', name: t('timeline_phases'),
          encode: { x: [1, 2], y: 0 },
          data: phases.map((p, i) => ({ value: [lanes.rowOf[i], at(p.opensAt), at(p.closesAt), p.name], itemStyle: { color: p.order % 2 ? '#7fa6dc' : '#2f6dc4' } })),
          // ECharts' renderItem: params and api as far as this series reads them.
          renderItem: (params: { dataIndex: number; coordSys: { x: number; y: number; width: number; height: number } }, api: { value(i: number): number; coord(v: number[]): number[]; size(v: number[]): number[]; style(): object }) => {
            const row = api.value(0);
            const [x0, y] = api.coord([api.value(1), row]);
            const [x1] = api.coord([api.value(2), row]);
            const height = PHASE_ROW - 6;
            const bounds = params.coordSys;
            const left = Math.max(x0, bounds.x);
            const right = Math.min(x1, bounds.x + bounds.width);
            if (right <= left) return null;
            return {
              type: 'group',
              children: [
                { type: 'rect', shape: { x: left, y: y - height / 2, width: right - left, height, r: 3 }, style: api.style() },
                {
                  type: 'text', style: { x: left + 6, y, text: phases[params.dataIndex].name, fill: '#fff', fontSize: 12, verticalAlign: 'middle', width: Math.max(0, right - left - 12), overflow: 'truncate' },
                },
              ],
            };
          },
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: '#c4161c', type: 'solid', width: 1.5 },
            label: { formatter: t('timeline_today'), color: '#c4161c', position: 'start' },
            data: [{ xAxis: now }],
          },
        },
        ...MARK_GROUPS.map((group) => ({
          id: group.key, type: 'scatter', name: t(group.label), data: groups[group.key],
          symbolSize: (value: number[]) => 4 + 8 * Math.sqrt(value[2] / maxTotal),
          itemStyle: { color: group.colour, opacity: 0.85 },
          large: groups[group.key].length > 2000,
        })),
      ],
    };
  }, [data, phases, lanes, start, end, now, t]);

  const height = 44 + lanes.count * PHASE_ROW + data.measures.length * ROW_HEIGHT + 64 + 20;
  const zoomTo = useCallback(
    (next: Zoom) => {
      setZoom(next);
      if (!chart.current) return;
      if (next === 'all') {
        chart.current.dispatchAction({ type: 'dataZoom', startValue: start, endValue: end });
        return;
      }
      const span = ZOOM_DAYS[next] * 86_400_000;
      const from = Math.min(Math.max(start, now - span / 3), Math.max(start, end - span));
      chart.current.dispatchAction({ type: 'dataZoom', startValue: from, endValue: from + span });
    },
    [start, end, now],
  );
  const onReady = useCallback((instance: EChartsCore) => (chart.current = instance), []);

  return (
    <div data-testid="timeline">
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented<Zoom>
          aria-label={t('timeline_zoom')}
          value={zoom}
          onChange={zoomTo}
          data-testid="timeline-zoom"
          options={[
            { value: 'all', label: t('timeline_zoom_all') },
            { value: 'year', label: t('timeline_zoom_year') },
            { value: 'quarter', label: t('timeline_zoom_quarter') },
            { value: 'month', label: t('timeline_zoom_month') },
          ]}
        />
        <Typography.Text type="secondary" data-testid="timeline-ready">
          {t('timeline_summary', { phases: data.phases.length, marks: data.marks.length })}
        </Typography.Text>
      </Space>
      <EChart option={option as never} height={height} label={t('plan_timeline')} onReady={onReady} testId="timeline-chart" />
    </div>
  );
}
