import { useState } from 'react';
import { Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { formatInstant } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Assessment = Json<paths['/plans/{id}/assessment']['get']['responses'][200]>;
type Unit = Assessment['units'][number];
type Item = Unit['items'][number];

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** Which assignment, finding or target an item stands for, as a reader names it. */
const subjectOf = (item: Item): string =>
  item.source.kind === 'assignment' ? item.source.title
    : item.source.kind === 'finding' ? `${item.source.text}${item.source.repeatOf ? ` (${item.source.repeatOf})` : ''}`
      : `${item.source.targetId} (${item.source.period})`;

/**
 * 考核排名 on the plan page (ADR 0025): the plan's rubric applied to the record as of a date, for a
 * phase or the whole plan; a unit's row opens to the items that earned or cost it points. Hidden
 * when the plan declares no rubric (404) or the reader may not see every unit (403).
 */
export function PlanAssessment({ planId, phases }: { planId: string; phases: { phaseId: string; name: string }[] }) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [period, setPeriod] = useState<string>('');
  const query = { asOfBasis: 'business' as const, ...(asOf && { asOf: asOf.format('YYYY-MM-DD') }), ...(period && { period }) };
  const result = useQuery({
    queryKey: ['assessment', planId, query],
    queryFn: async () => unwrap(await api.GET('/plans/{id}/assessment', { params: { path: { id: planId }, query } })),
    retry: false,
  });
  if (result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 403)) return null;
  const data = result.data;
  const download = `/plans/${encodeURIComponent(planId)}/assessment.xlsx?${new URLSearchParams(query as Record<string, string>)}`;
  return (
    <Card title={<h2 className="card-title">{t('assessment_title')}</h2>} size="small">
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="plan-assessment">
      <Space wrap>
        <Typography.Text>{t('bulletins_asOf')}</Typography.Text>
        <DatePicker value={asOf} onChange={setAsOf} aria-label={t('bulletins_asOf')} />
        <Select
          value={period} onChange={setPeriod} style={{ minWidth: 180 }} aria-label={t('assessment_period')}
          options={[{ value: '', label: '—' }, ...phases.map((p) => ({ value: p.phaseId, label: p.name })), { value: 'plan', label: t('bulletins_wholePlan') }]}
        />
        {data && <Typography.Text type="secondary">{data.period.name ?? t('bulletins_wholePlan')} · {t('assessment_judgedAt', { at: formatInstant(data.judgedAt, t) })}</Typography.Text>}
        <Typography.Link href={download} download>{t('assessment_download')}</Typography.Link>
      </Space>
      <Table<Unit>
        size="small"
        rowKey="unitId"
        loading={result.isLoading}
        dataSource={data?.units ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (unit) => (
            <Table<Item>
              size="small" pagination={false} rowKey={(item) => `${item.rule}.${JSON.stringify(item.source)}`}
              dataSource={unit.items} locale={{ emptyText: t('assessment_noItems') }}
              columns={[
                { title: t('assessment_rule'), render: (_, item) => t(`assessment_rule_${item.rule}` as MessageKey) },
                { title: t('assessment_subject'), render: (_, item) => subjectOf(item) },
                { title: t('assessment_count'), dataIndex: 'count' },
                {
                  title: t('assessment_points'),
                  render: (_, item) => (
                    <Space>
                      <Typography.Text strong={item.points !== 0}>{signed(item.points)}</Typography.Text>
                      {item.limitedFrom !== undefined && <Typography.Text type="secondary">{t('assessment_limited', { points: signed(item.limitedFrom) })}</Typography.Text>}
                    </Space>
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('assessment_rank'), dataIndex: 'rank', width: 70 },
          { title: t('assessment_unit'), dataIndex: 'name' },
          { title: t('assessment_base'), dataIndex: 'base' },
          { title: t('assessment_earned'), render: (_, u) => signed(u.earned) },
          { title: t('assessment_deducted'), render: (_, u) => u.deducted },
          {
            title: t('assessment_score'),
            render: (_, u) => (
              <Space>
                <Typography.Text strong>{u.score}</Typography.Text>
                {u.boundedBy && <Typography.Text type="secondary">{t(u.boundedBy === 'cap' ? 'assessment_bounded_cap' : 'assessment_bounded_floor', { raw: u.raw })}</Typography.Text>}
              </Space>
            ),
          },
          // Plain text, not a gold tag: antd's gold on its pale ground fails the contrast check (2.75:1).
          { title: t('assessment_commended'), render: (_, u) => (u.commended ? <Typography.Text strong>★ {t('assessment_commended')}</Typography.Text> : null) },
        ]}
      />
    </Space>
    </Card>
  );
}
