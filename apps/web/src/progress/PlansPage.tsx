import { useState } from 'react';
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { formatDate, formatInstant } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorPage, ForbiddenPage } from '../pages/ResultPages';
import { StateLegend } from './ProgressMatrix';
import { useProgressPlans, type PlanRow } from './progress-queries';
import { STATE_COLOURS } from './state-colours';

const PAGE = 20;

/** The share of each state as one stacked bar, with the figures beside it. */
function StateBar({ plan }: { plan: PlanRow }) {
  const { t } = useI18n();
  const states = ['accepted', 'on_time', 'due_soon', 'overdue', 'escalated', 'not_issued'] as const;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <div style={{ display: 'flex', height: 12, borderRadius: 6, overflow: 'hidden', background: '#f0f0f0' }} aria-hidden="true">
        {states.map((state, i) =>
          plan.counts[i] > 0 ? <div key={state} style={{ width: `${(100 * plan.counts[i]) / Math.max(1, plan.total)}%`, background: STATE_COLOURS[state].strong }} /> : null,
        )}
      </div>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('plans_progressText', { accepted: plan.percentAccepted, onTime: plan.percentOnTime, overdue: plan.percentOverdue })} · {t('plans_workTotal', { count: plan.total })}
      </Typography.Text>
    </Space>
  );
}

/** 计划: every plan with its status, current phase, progress and escalations; a plan opens its page. */
export function PlansPage() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const plans = useProgressPlans({ offset, limit: PAGE });
  if (plans.error instanceof ApiError && plans.error.status === 403) return <ForbiddenPage />;
  if (plans.isError) return <ErrorPage />;
  const data = plans.data;
  const columns: ColumnsType<PlanRow> = [
    {
      title: t('plans_col_title'),
      key: 'title',
      render: (_v, plan) => <Link to={`/plans/${encodeURIComponent(plan.planId)}`} data-testid="plan-link">{plan.title}</Link>,
    },
    { title: t('plans_col_status'), key: 'status', width: 90, render: (_v, plan) => <Tag>{t(`plans_status_${plan.status}`)}</Tag> },
    {
      title: t('plans_col_phase'),
      key: 'phase',
      width: 150,
      render: (_v, plan) =>
        plan.currentPhase ? (
          <Tooltip title={`${formatDate(plan.currentPhase.opensAt, t)} – ${formatDate(plan.currentPhase.closesAt, t)}`}>
            <span>{plan.currentPhase.name}</span>
          </Tooltip>
        ) : (
          t('plans_noPhase')
        ),
    },
    {
      title: t('plans_col_progress'),
      key: 'progress',
      width: 360,
      render: (_v, plan) => (
        <StateBar plan={plan} />
      ),
    },
    { title: t('plans_col_escalations'), dataIndex: 'escalations', key: 'escalations', width: 90, align: 'right' },
    { title: t('plans_col_span'), key: 'span', width: 300, render: (_v, plan) => t('plan_span', { from: formatDate(plan.startsAt, t), to: formatDate(plan.endsAt, t) }) },
  ];
  return (
    <Card
      title={<h1 className="card-title" style={{ fontSize: 18 }}>{t('plans_title')}</h1>}
      extra={data && <Typography.Text type="secondary">{t('plans_asOf', { at: formatInstant(data.now, t) })}</Typography.Text>}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {data && <StateLegend states={data.states} filled />}
        <Table<PlanRow>
          rowKey="planId"
          columns={columns}
          dataSource={data?.plans ?? []}
          loading={plans.isFetching && !data}
          locale={{ emptyText: t('plans_empty') }}
          pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (page) => setOffset((page - 1) * PAGE) }}
          data-testid={data ? 'plans-ready' : undefined}
        />
      </Space>
    </Card>
  );
}
