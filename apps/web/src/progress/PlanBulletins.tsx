import { useState } from 'react';
import { App, Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { queryClient } from '../queries';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type BulletinList = Json<paths['/plans/{id}/bulletins']['get']['responses'][200]>;
type Bulletin = BulletinList['bulletins'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/**
 * 通报 on the plan page: the bulletins issued for the plan with their Word and Excel files, and for
 * planners a way to issue one as of a date, for the whole plan or one phase (ADR 0017). Hidden when
 * the server refuses the list (department people).
 */
export function PlanBulletins({ planId, phases, mayIssue }: { planId: string; phases: { phaseId: string; name: string }[]; mayIssue: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [phase, setPhase] = useState<string>('');
  const [basis, setBasis] = useState<'recorded' | 'business'>('business');
  const list = useQuery({
    queryKey: ['bulletins', planId],
    queryFn: async () => unwrap(await api.GET('/plans/{id}/bulletins', { params: { path: { id: planId } } })),
    retry: false,
  });
  const issue = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/plans/{id}/bulletins', {
        params: { path: { id: planId } },
        body: { asOf: asOf!.format('YYYY-MM-DD'), asOfBasis: basis, period: phase ? { kind: 'phase', phaseId: phase } : { kind: 'plan' } } as never,
      })),
    onSuccess: (issued) => {
      void message.success(t('bulletins_issued', { number: issued.number }));
      void queryClient.invalidateQueries({ queryKey: ['bulletins', planId] });
    },
    onError: (error: Error) => void message.error(error.message),
  });
  if (list.error instanceof ApiError && list.error.status === 403) return null;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="plan-bulletins">
      {mayIssue && (
        <Space wrap>
          <Typography.Text>{t('bulletins_asOf')}</Typography.Text>
          <DatePicker value={asOf} onChange={setAsOf} aria-label={t('bulletins_asOf')} data-testid="bulletins-as-of" />
          <Select
            value={phase} onChange={setPhase} style={{ minWidth: 180 }} aria-label={t('bulletins_period')}
            options={[{ value: '', label: t('bulletins_wholePlan') }, ...phases.map((p) => ({ value: p.phaseId, label: p.name }))]}
          />
          <Select
            value={basis} onChange={setBasis} aria-label={t('bulletins_basis')}
            options={[{ value: 'business', label: t('asOf_basis_business') }, { value: 'recorded', label: t('asOf_basis_recorded') }]}
          />
          <Button type="primary" disabled={!asOf} loading={issue.isPending} onClick={() => issue.mutate()} data-testid="bulletins-issue">{t('bulletins_issue')}</Button>
        </Space>
      )}
      <Table<Bulletin>
        size="small"
        rowKey="number"
        loading={list.isLoading}
        dataSource={list.data?.bulletins ?? []}
        pagination={false}
        locale={{ emptyText: t('bulletins_empty') }}
        columns={[
          { title: t('bulletins_number'), dataIndex: 'number' },
          { title: t('bulletins_title'), dataIndex: 'title' },
          { title: t('bulletins_asOf'), render: (_, b) => formatDate(b.asOf.instant, t) },
          { title: t('bulletins_issuedOn'), render: (_, b) => formatDate(b.issuedAt, t) },
          { title: t('bulletins_onTime'), render: (_, b) => percent(b.figures.onTimeRate) },
          { title: t('bulletins_overdue'), render: (_, b) => b.figures.overdueNow },
          {
            title: t('bulletins_files'),
            render: (_, b) => (
              <Space>
                {b.documents.map((d) => (
                  <Typography.Link key={d.format} href={d.url} download={d.name}>{d.format === 'docx' ? t('bulletins_word') : t('bulletins_excel')}</Typography.Link>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
