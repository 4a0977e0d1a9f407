import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { EscalationTag } from '../components/StatusTag';
import { formatInstant } from '../format';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../queries';
import { ErrorPage, ForbiddenPage } from '../pages/ResultPages';
import { overdueSearch, useOverdue, useProgressPlans, type OverdueAnswer, type OverdueFilter } from './progress-queries';

type Item = OverdueAnswer['items'][number];
const BUREAU = ['planner', 'auditor', 'admin'];

/**
 * 逾期督办: overdue and escalated work across plans, oldest deadline first, with the escalation
 * level and who received it; filtered by plan, department and level; the same list as xlsx (made
 * by the server). Department people see their own departments' work only (the server scopes it).
 */
export function OverduePage() {
  const { t } = useI18n();
  const session = useSession();
  const bureau = session.data?.person.roles.some((role) => BUREAU.includes(role)) ?? false;
  const [filter, setFilter] = useState<OverdueFilter>({});
  const [department, setDepartment] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const overdue = useOverdue(filter, cursors[cursors.length - 1]);
  // Plans to filter by: the bureau's plan list (department people filter by department instead).
  const plans = useProgressPlans({ offset: 0, limit: 200 }, bureau);
  const change = (next: OverdueFilter) => {
    setFilter(next);
    setCursors([]);
  };
  if (overdue.error instanceof ApiError && overdue.error.status === 403) return <ForbiddenPage />;
  if (overdue.isError) return <ErrorPage />;
  const data = overdue.data;
  const columns: ColumnsType<Item> = [
    {
      title: t('overdue_col_measure'),
      key: 'measure',
      render: (_v, item) => (
        <Space direction="vertical" size={0}>
          <Link to={`/assignments/${encodeURIComponent(item.ref)}`} data-testid="overdue-link">{item.title}</Link>
          {item.periodKey !== 'once' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.periodKey}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('overdue_col_plan'), dataIndex: 'planTitle', key: 'plan', ellipsis: true, width: 180 },
    { title: t('overdue_col_department'), dataIndex: 'departmentName', key: 'department', width: 150, ellipsis: true },
    { title: t('overdue_col_due'), key: 'due', width: 220, render: (_v, item) => formatInstant(item.dueAt, t) },
    { title: t('overdue_col_days'), key: 'days', width: 80, align: 'right', render: (_v, item) => <Typography.Text type="danger">{t('overdue_days', { days: item.daysOverdue })}</Typography.Text> },
    { title: t('overdue_col_level'), key: 'level', width: 100, render: (_v, item) => <EscalationTag level={item.escalationLevel} /> },
    { title: t('overdue_col_receiver'), key: 'receiver', width: 220, render: (_v, item) => item.escalatedToName ?? '—' },
  ];
  return (
    <Card
      title={<h1 className="card-title" style={{ fontSize: 18 }}>{t('overdue_title')}</h1>}
      extra={
        <Button icon={<DownloadOutlined />} href={`/progress/overdue/export?${overdueSearch(filter)}`} data-testid="overdue-export">
          {t('overdue_export')}
        </Button>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          {bureau && (
            <Select
              aria-label={t('overdue_filterPlan')}
              style={{ width: 260 }}
              value={filter.plan ?? ''}
              onChange={(plan) => change({ ...filter, plan: plan || undefined })}
              options={[{ value: '', label: t('overdue_allPlans') }, ...(plans.data?.plans ?? []).map((p) => ({ value: p.planId, label: p.title }))]}
            />
          )}
          <Input.Search
            aria-label={t('overdue_filterDepartment')}
            placeholder={t('overdue_filterDepartment')}
            style={{ width: 220 }}
            allowClear
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            onSearch={(value) => change({ ...filter, department: value.trim() || undefined })}
          />
          <Select
            aria-label={t('overdue_filterLevel')}
            style={{ width: 200 }}
            value={filter.minLevel ?? 0}
            onChange={(level) => change({ ...filter, minLevel: level || undefined })}
            options={[0, 1, 2].map((level) => ({ value: level, label: level === 0 ? t('overdue_level_any') : t('overdue_level_min', { level }) }))}
            data-testid="overdue-level"
          />
        </Space>
        <Table<Item>
          rowKey="ref"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={overdue.isFetching}
          locale={{ emptyText: t('overdue_none') }}
          pagination={false}
          data-testid={data ? 'overdue-ready' : undefined}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{data ? t('overdue_total', { count: data.total }) : ''}</Typography.Text>
          <Space>
            <Button size="small" disabled={cursors.length === 0} onClick={() => setCursors([])}>{t('page_first')}</Button>
            <Button size="small" disabled={!data?.page.nextCursor} onClick={() => data?.page.nextCursor && setCursors([...cursors, data.page.nextCursor])} data-testid="overdue-next">
              {t('page_next')}
            </Button>
          </Space>
        </Space>
      </Space>
    </Card>
  );
}
