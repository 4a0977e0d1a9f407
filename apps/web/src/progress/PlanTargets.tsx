import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { EChart } from '../charts/EChart';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { targetReasonZh } from '../i18n/target-reason-zh';

type PlanAnswer = paths['/plans/{id}']['get']['responses'][200]['content']['application/json'];
export type TargetSeries = NonNullable<PlanAnswer['targets']>[number];
type TargetStatus = NonNullable<TargetSeries['status']>;

// Dark text on a pale ground, as the assignment status tags.
const palette = (color: string, background: string) => ({ color, background, borderColor: color });
const statusColours: Record<TargetStatus, ReturnType<typeof palette>> = {
  'on-track': palette('#0b4fa8', '#e8f1ff'),
  'at-risk': palette('#9a3a00', '#fff3e8'),
  met: palette('#1e6b0a', '#eefbe7'),
  missed: palette('#a8071a', '#fff1f0'),
};

export function TargetStatusTag({ status }: { status: TargetStatus | null }) {
  const { t } = useI18n();
  if (status === null) return <Tag data-testid="target-status" data-status="none">{t('target_status_none')}</Tag>;
  return <Tag style={statusColours[status]} data-testid="target-status" data-status={status}>{t(`target_status_${status}`)}</Tag>;
}

const valueText = (value: number | boolean | string, unit: string, t: ReturnType<typeof useI18n>['t']): string =>
  typeof value === 'boolean' ? (value ? t('target_passed') : t('target_not_passed')) : typeof value === 'number' ? `${value}${unit === '%' ? '%' : ` ${unit}`}` : value;

/** A line of the values against the milestones, for targets whose values are numbers. */
function TargetChart({ series }: { series: TargetSeries }) {
  const { t } = useI18n();
  const periods = [...new Set([...(series.baseline ? [series.baseline.period] : []), ...series.measurements.map((m) => m.period), ...series.milestones.map((m) => m.period)])].sort();
  const milestone = (period: string): number | null => {
    const found = series.milestones.find((m) => m.period === period);
    if (!found || typeof found.value !== 'number') return null;
    return series.kind === 'ratio' && series.baseline ? found.value * series.baseline.value : found.value;
  };
  let total = 0;
  const measured = (period: string): number | null => {
    if (series.baseline?.period === period) return series.baseline.value;
    const found = series.measurements.find((m) => m.period === period);
    if (!found || typeof found.value !== 'number') return null;
    total += found.value;
    return series.kind === 'cumulative' ? total : found.value;
  };
  const values = periods.map(measured);
  const option = {
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' as const },
    xAxis: { type: 'category' as const, data: periods },
    yAxis: { type: 'value' as const, name: series.unit, scale: true },
    series: [
      { name: t('target_values'), type: 'line' as const, data: values, connectNulls: true },
      { name: t('target_milestones'), type: 'line' as const, data: periods.map(milestone), connectNulls: true, lineStyle: { type: 'dashed' as const } },
    ],
  };
  return <EChart option={option} height={180} label={t('target_chart_label', { metric: series.metric })} testId={`target-chart-${series.targetId}`} />;
}

/** The plan's targets (ADR 0023): each per unit with its status, its values against the milestones, and a line where values are numbers. */
export function PlanTargets({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  // The recorded reason is English (the engine's); Chinese readers get it explained from the values.
  const reasonOf = (row: TargetSeries): string => (locale === 'en' ? row.reason ?? '' : targetReasonZh(row));
  const plan = useQuery({
    queryKey: ['plan-targets', planId],
    queryFn: async () => unwrap(await api.GET('/plans/{id}', { params: { path: { id: planId }, query: { limit: 1 } as never } })),
  });
  const departments = useQuery({
    queryKey: ['departments', planId],
    queryFn: async () => unwrap(await api.GET('/departments', { params: { query: { planId } } })),
  });
  const unitNames = new Map((departments.data?.departments ?? []).map((d) => [d.departmentId, d.name]));
  const targets = plan.data?.targets ?? [];
  if (plan.isLoading) return null;
  if (targets.length === 0) return <Empty description={t('targets_empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<TargetSeries>
      size="small"
      rowKey={(row) => `${row.targetId}@${row.unitId ?? ''}`}
      dataSource={targets}
      pagination={false}
      data-testid="plan-targets"
      expandable={{
        rowExpandable: (row) => row.measurements.some((m) => typeof m.value === 'number'),
        expandedRowRender: (row) => <TargetChart series={row} />,
      }}
      columns={[
        { title: t('target_metric'), key: 'metric', render: (_v, row) => <Space direction="vertical" size={0}><span>{row.metric}</span>{row.unitId && <Typography.Text type="secondary">{unitNames.get(row.unitId) ?? row.unitId}</Typography.Text>}</Space> },
        { title: t('target_status'), key: 'status', render: (_v, row) => <TargetStatusTag status={row.status} /> },
        {
          title: t('target_milestones'), key: 'milestones',
          render: (_v, row) => row.milestones.map((m) => `${m.period}: ${row.kind === 'ratio' ? `×${String(m.value)}` : row.kind === 'rising' ? t('target_each_year') : valueText(m.value, row.unit, t)}`).join(' · '),
        },
        {
          title: t('target_values'), key: 'values',
          render: (_v, row) => row.measurements.length === 0 ? '—' : row.measurements.map((m) => <div key={m.period}>{m.period}: {valueText(m.value, row.unit, t)} <Typography.Text type="secondary">({formatDate(m.measuredAt, t)})</Typography.Text></div>),
        },
        { title: t('target_reason'), key: 'reason', render: (_v, row) => <Typography.Text type="secondary" data-testid="target-reason">{reasonOf(row)}</Typography.Text> },
      ]}
    />
  );
}
