import { Card, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../../format';
import { AsOfBanner, AsOfPicker, useAsOf } from '../../components/AsOf';
import { EscalationTag, StatusTag } from '../../components/StatusTag';
import { FailedPage, NotFoundPage } from '../ResultPages';
import { ApiError } from '../../api/client';
import { useDepartmentChoices, usePlanChoices } from './audit-queries';

const LIMIT = 500;

/**
 * /app/audit/departments/:id?plan= — a department's assignments in one plan, now (read models) or
 * as of a moment (the server replays that department's work in that plan only,
 * GET /plans/{id}?department=&asOf=, ADR 0012).
 */
export function DepartmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const plans = usePlanChoices();
  const plan = params.get('plan') ?? plans.data?.[0]?.value;
  const departments = useDepartmentChoices(plan);
  const { asOf, basis } = useAsOf();
  const page = useQuery({
    queryKey: ['department-plan', id, plan ?? null, asOf ?? null, asOf ? basis : null],
    enabled: Boolean(plan),
    queryFn: async () =>
      unwrap(await api.GET('/plans/{id}', { params: { path: { id: plan! }, query: { department: id, limit: LIMIT, ...(asOf && { asOf, asOfBasis: basis }) } } })),
  });
  const name = departments.data?.find((d) => d.value === id)?.label ?? id;
  const choose = (key: 'plan', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  if (page.isError) {
    if (page.error instanceof ApiError && page.error.status === 404 && !asOf) return <NotFoundPage />;
    if (!(page.error instanceof ApiError && page.error.status === 404)) return <FailedPage error={page.error} />;
  }
  const now = page.data?.asOf?.instant;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="department-title">{t('department_title', { name })}</Typography.Title>
      <Card size="small">
        <Space direction="vertical" size={12}>
          <Space>
            <Typography.Text type="secondary">{t('department_plan')}</Typography.Text>
            <Select value={plan} options={plans.data ?? []} onChange={(value) => choose('plan', value)} style={{ width: 320 }} aria-label={t('department_plan')} />
          </Space>
          <AsOfPicker />
        </Space>
      </Card>
      {page.data?.asOf && <AsOfBanner asOf={page.data.asOf} />}
      <Table
        size="small"
        rowKey="ref"
        loading={page.isFetching}
        dataSource={page.isError ? [] : (page.data?.assignments ?? [])}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('department_none') }}
        data-testid="department-assignments"
        columns={[
          {
            title: t('col_measure'), key: 'title',
            render: (_v, a) => <Link to={`/assignments/${encodeURIComponent(a.ref)}${now ? `?asOf=${encodeURIComponent(now)}${basis === 'business' ? '&basis=business' : ''}` : ''}`}>{a.title}</Link>,
          },
          { title: t('col_due'), key: 'due', width: 220, render: (_v, a) => formatInstant(a.dueAt, t) },
          { title: t('col_status'), key: 'status', width: 200, render: (_v, a) => <Space size={4}><StatusTag status={a.status} />{a.escalationLevel > 0 && <EscalationTag level={a.escalationLevel} />}</Space> },
        ]}
      />
    </Space>
  );
}
