import { Badge, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { AssignmentStatus, InboxItem, InboxResponse } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useInbox } from '../queries';
import { EscalationTag, StatusTag } from '../components/StatusTag';
import { countdown, formatInstant } from '../format';
import { ErrorPage } from './ResultPages';

type GroupName = keyof InboxResponse['groups'];
const GROUPS: { name: GroupName; title: MessageKey }[] = [
  { name: 'overdue', title: 'group_overdue' },
  { name: 'dueWithin7Days', title: 'group_dueWithin7Days' },
  { name: 'awaitingMyReview', title: 'group_awaitingMyReview' },
  { name: 'inProgress', title: 'group_inProgress' },
  { name: 'standing', title: 'group_standing' },
  { name: 'done', title: 'group_done' },
];
const STATUSES: AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted'];
const badgeColour: Record<GroupName, string> = { overdue: '#b3141b', dueWithin7Days: '#9a4600', awaitingMyReview: '#531dab', inProgress: '#1f5fbf', standing: '#006d75', done: '#1e6b0a' };

/** 我的待办: the person's work across plans, in six groups (常态化 standing duties among them), overdue first. */
export function InboxPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const plan = params.get('plan') ?? undefined;
  const status = (params.get('status')?.split(',').filter(Boolean) ?? []) as AssignmentStatus[];
  const inbox = useInbox({ plan, status });
  // The plan filter's choices come from the unfiltered inbox (the same query the header's badge uses).
  const all = useInbox();

  const setFilter = (name: 'plan' | 'status', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  if (inbox.isError) return <ErrorPage />;
  const data = inbox.data;
  const plans = new Map<string, string>();
  for (const group of GROUPS) for (const item of all.data?.groups[group.name] ?? []) plans.set(item.planId, item.planTitle);

  const columns = (group: GroupName): ColumnsType<InboxItem> => [
    {
      title: t('col_measure'),
      key: 'measure',
      render: (_value, item) => (
        <Link to={`/assignments/${encodeURIComponent(item.ref)}`} data-testid="inbox-item-link">
          {item.measureTitle}
        </Link>
      ),
    },
    { title: t('col_plan'), dataIndex: 'planTitle', key: 'plan', ellipsis: true, width: 220 },
    {
      title: t('col_department'), key: 'department', width: 170, ellipsis: true,
      // Work a role holds (班主任) names its holders under the unit, or 未指定 until a roster does.
      render: (_value, item) => (
        <>
          {item.departmentName}
          {item.role && (
            <div data-testid="inbox-role-holders">
              <Typography.Text type="secondary">
                {item.role.people.length > 0 ? item.role.people.map((person) => person.name).join('、') : t('role_unnamed')}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t('col_due'), key: 'due', width: 200, render: (_value, item) => (group === 'standing' ? t('due_standing') : formatInstant(item.dueAt, t)) },
    {
      title: t('col_countdown'),
      key: 'countdown',
      width: 110,
      render: (_value, item) => {
        if (group === 'done' || group === 'standing' || !data) return null;
        const left = countdown(item.dueAt, data.now, t);
        return <Typography.Text type={left.tone === 'overdue' ? 'danger' : left.tone === 'soon' ? 'warning' : undefined}>{left.text}</Typography.Text>;
      },
    },
    {
      title: t('col_status'),
      key: 'status',
      width: 150,
      render: (_value, item) => (
        <Space size={4} wrap>
          <StatusTag status={item.status} />
          {item.overdue && group !== 'overdue' && <Tag color="error">{t('overdue_tag')}</Tag>}
        </Space>
      ),
    },
    { title: t('col_escalation'), key: 'escalation', width: 100, render: (_value, item) => <EscalationTag level={item.escalationLevel} /> },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid={data ? 'inbox-ready' : 'inbox-loading'}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('inbox_title')}
        </Typography.Title>
        {data && <Typography.Text type="secondary">{t('inbox_asOf', { at: formatInstant(data.now, t) })}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Select
          aria-label={t('inbox_filterPlan')}
          style={{ width: 280 }}
          allowClear
          placeholder={t('inbox_allPlans')}
          value={plan}
          onChange={(value?: string) => setFilter('plan', value)}
          options={[...plans].map(([value, label]) => ({ value, label }))}
          data-testid="filter-plan"
        />
        <Select
          aria-label={t('inbox_filterStatus')}
          mode="multiple"
          style={{ minWidth: 220 }}
          allowClear
          placeholder={t('inbox_allStatuses')}
          value={status}
          onChange={(value: AssignmentStatus[]) => setFilter('status', value.join(','))}
          options={STATUSES.map((value) => ({ value, label: t(`status_${value}`) }))}
          maxTagCount="responsive"
          data-testid="filter-status"
        />
      </div>
      {GROUPS.map((group) => {
        const items = data?.groups[group.name] ?? [];
        const count = data?.counts[group.name] ?? 0;
        return (
          <Card
            key={group.name}
            size="small"
            data-testid={`group-${group.name}`}
            title={
              <Space>
                <h2 style={{ fontSize: 16, margin: 0 }}>{t(group.title)}</h2>
                <Badge count={count} showZero color={count ? badgeColour[group.name] : '#666666'} />
              </Space>
            }
            extra={count > items.length ? <Typography.Text type="secondary">{t('group_more', { count, shown: items.length })}</Typography.Text> : null}
          >
            {items.length === 0 && !inbox.isPending ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('group_empty')} style={{ margin: '8px 0' }} />
            ) : (
              <Table<InboxItem>
                rowKey="ref"
                size="small"
                loading={inbox.isPending}
                columns={columns(group.name)}
                dataSource={items}
                pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
              />
            )}
          </Card>
        );
      })}
    </Space>
  );
}
