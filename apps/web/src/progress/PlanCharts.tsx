import { useMemo } from 'react';
import { Card, Col, Empty, Row, Spin } from 'antd';
import { EChart } from '../charts/EChart';
import { useI18n } from '../i18n/i18n';
import { useCharts } from './progress-queries';
import { STATE_COLOURS } from './state-colours';

const PHASE_COLOURS = ['#1f5fbf', '#389e0d', '#722ed1', '#d46b08', '#08979c'];

/** Progress over time per phase (accepted, beside what was due), and the departments with most overdue work. */
export function PlanCharts({ planId }: { planId: string }) {
  const { t } = useI18n();
  const charts = useCharts(planId);
  const data = charts.data;

  const progress = useMemo(() => {
    if (!data) return undefined;
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: data.weeks, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: data.phases.flatMap((phase, i) => [
        { type: 'line', name: t('charts_accepted', { phase: phase.name }), data: phase.accepted, showSymbol: false, lineStyle: { width: 2 }, itemStyle: { color: PHASE_COLOURS[i % PHASE_COLOURS.length] } },
        { type: 'line', name: t('charts_due', { phase: phase.name }), data: phase.due, showSymbol: false, lineStyle: { width: 1, type: 'dashed' }, itemStyle: { color: PHASE_COLOURS[i % PHASE_COLOURS.length] } },
      ]),
    };
  }, [data, t]);

  const overdue = useMemo(() => {
    if (!data) return undefined;
    const rows = [...data.overdueByDepartment].reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 110, right: 24, top: 32, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
      series: [
        { type: 'bar', stack: 'late', name: t('state_overdue'), data: rows.map((r) => r.overdue), itemStyle: { color: STATE_COLOURS.overdue.strong } },
        { type: 'bar', stack: 'late', name: t('state_escalated'), data: rows.map((r) => r.escalated), itemStyle: { color: STATE_COLOURS.escalated.strong } },
      ],
    };
  }, [data, t]);

  if (!data || !progress || !overdue) return <Spin style={{ display: 'block', margin: 24 }} />;
  return (
    <Row gutter={16} data-testid="charts">
      <Col xs={24} lg={14}>
        <Card size="small" title={t('charts_progress')}>
          <EChart option={progress as never} height={320} label={t('charts_progress')} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('charts_overdue')}>
          {data.overdueByDepartment.length === 0 ? (
            <Empty description={t('charts_none')} style={{ height: 320, paddingTop: 100 }} />
          ) : (
            <EChart option={overdue as never} height={320} label={t('charts_overdue')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
