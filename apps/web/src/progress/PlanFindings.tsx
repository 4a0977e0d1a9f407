import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { formatDate } from '../format';
import { useI18n, type Translate } from '../i18n/i18n';
import { queryClient } from '../queries';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type FindingsAnswer = Json<paths['/plans/{id}/findings']['get']['responses'][200]>;
type Finding = FindingsAnswer['findings'][number];

export function useFindings(planId: string, unit?: string) {
  return useQuery({
    queryKey: ['findings', planId, unit ?? ''],
    queryFn: async () => unwrap(await api.GET('/plans/{id}/findings', { params: { path: { id: planId }, query: (unit ? { unit } : {}) as never } })),
    retry: false,
  });
}

/** 已整改 / 整改中 / 逾期未整改: the rectification's state as the supervision office says it. */
export function RectificationTag({ finding }: { finding: Finding }) {
  const { t } = useI18n();
  const { status, overdue } = finding.rectification;
  if (status === 'accepted') return <Tag color="success">{t('findings_rectified')}</Tag>;
  if (overdue) return <Tag color="error">{t('findings_overdue')}</Tag>;
  if (status === 'submitted') return <Tag color="processing">{t('findings_inReview')}</Tag>;
  // antd's warning tag is too faint for small text (WCAG AA): a darker amber on the same light ground.
  return <Tag style={{ color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }}>{t('findings_rectifying')}</Tag>;
}

/** 屡查屡犯 in a dark red that keeps AA contrast at 12 px. */
const REPEAT_STYLE = { color: '#871400', background: '#fff2e8', borderColor: '#ffbb96' };

const RepeatTag = ({ finding, t }: { finding: Finding; t: Translate }) =>
  finding.repeatOf ? <Tag style={REPEAT_STYLE} data-testid="repeated-finding">{t('findings_repeated', { of: finding.repeatOf })}</Tag> : null;

/**
 * 督查问题 on the plan page (ADR 0024): per inspected unit, its findings and the state of their
 * rectification; planners record an inspection and its findings here (the inspecting unit too,
 * through the API: the server decides who may).
 */
/** Units typed as a list: ASCII or full-width commas (U+FF0C, as Chinese input gives) or spaces. */
const UNIT_SEPARATORS = new RegExp(`[,${String.fromCharCode(0xff0c)}\\s]+`);

export function PlanFindings({ planId, mayRecord }: { planId: string; mayRecord: boolean }) {
  const { t } = useI18n();
  const findings = useFindings(planId);
  if (findings.error instanceof ApiError && findings.error.status === 403) return null;
  const data = findings.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="plan-findings">
      <Table
        size="small" rowKey="unitId" loading={findings.isLoading} pagination={false} dataSource={data?.byUnit ?? []}
        locale={{ emptyText: t('findings_empty') }}
        columns={[
          { title: t('findings_unit'), dataIndex: 'name' },
          { title: t('findings_count'), dataIndex: 'findings' },
          { title: t('findings_rectified'), dataIndex: 'rectified' },
          { title: t('findings_overdue'), dataIndex: 'overdue', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
          { title: t('findings_repeatedCount'), dataIndex: 'repeated', render: (n: number) => (n > 0 ? <Tag style={REPEAT_STYLE}>{n}</Tag> : n) },
        ]}
      />
      {(data?.findings.length ?? 0) > 0 && (
        <Table<Finding>
          size="small" rowKey="findingId" pagination={false} dataSource={data?.findings ?? []} data-testid="findings-list"
          columns={[
            { title: t('findings_unit'), render: (_, f) => f.unit.name },
            { title: t('findings_text'), render: (_, f) => <Space wrap size={4}>{f.text}<RepeatTag finding={f} t={t} /></Space> },
            { title: t('findings_inspection'), render: (_, f) => `${f.inspectionId} · ${formatDate(f.inspectionDate, t)}` },
            { title: t('findings_due'), render: (_, f) => formatDate(f.rectification.dueDate, t) },
            {
              title: t('findings_state'),
              render: (_, f) => (
                <Space size={4}>
                  <RectificationTag finding={f} />
                  <Link to={`/assignments/${encodeURIComponent(`${planId}.${f.rectification.assignmentId}`)}`}>{t('findings_open')}</Link>
                </Space>
              ),
            },
          ]}
        />
      )}
      {mayRecord && <RecordFindingForms planId={planId} />}
    </Space>
  );
}

interface InspectionFields { inspectionId: string; date: string; by?: string; units?: string }
interface FindingFields { inspectionId: string; unitId: string; text: string; code?: string; days?: number }

/** Two small forms: the inspection took place (a planned one needs only its id and date), then one finding at a time. */
function RecordFindingForms({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [inspectionForm] = Form.useForm<InspectionFields>();
  const [findingForm] = Form.useForm<FindingFields>();
  const [lastInspection, setLastInspection] = useState<string>();
  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['findings', planId] });
  };
  const recordInspection = useMutation({
    mutationFn: async (v: InspectionFields) => {
      const units = v.units?.split(UNIT_SEPARATORS).filter(Boolean);
      return unwrap(await api.POST('/plans/{id}/inspections', {
        params: { path: { id: planId } },
        body: { inspectionId: v.inspectionId, date: v.date, ...(v.by ? { inspectingUnitId: v.by } : {}), ...(units?.length ? { unitIds: units } : {}) },
      }));
    },
    onSuccess: (answer) => {
      setLastInspection(answer.inspectionId);
      findingForm.setFieldValue('inspectionId', answer.inspectionId);
      done(t('findings_inspectionRecorded', { id: answer.inspectionId }));
    },
    onError: (error: Error) => void message.error(error.message),
  });
  const recordFinding = useMutation({
    mutationFn: async (v: FindingFields) =>
      unwrap(await api.POST('/plans/{id}/inspections/{inspectionId}/findings', {
        params: { path: { id: planId, inspectionId: v.inspectionId } },
        body: { unitId: v.unitId, text: v.text, ...(v.code ? { code: v.code } : {}), ...(v.days ? { rectificationDays: v.days } : {}) },
      })),
    onSuccess: (answer) => {
      findingForm.setFieldsValue({ text: '', code: '' });
      done(answer.repeatOf ? t('findings_recordedRepeat', { id: answer.findingId, of: answer.repeatOf }) : t('findings_recorded', { id: answer.findingId }));
    },
    onError: (error: Error) => void message.error(error.message),
  });
  const required = [{ required: true, message: t('findings_required') }];
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text strong>{t('findings_recordInspection')}</Typography.Text>
      <Form form={inspectionForm} layout="inline" onFinish={(v) => recordInspection.mutate(v)} data-testid="record-inspection">
        <Form.Item name="inspectionId" rules={required}><Input placeholder={t('findings_inspectionId')} aria-label={t('findings_inspectionId')} /></Form.Item>
        <Form.Item name="date" rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}><Input placeholder={t('findings_date')} aria-label={t('findings_date')} style={{ width: 170 }} /></Form.Item>
        <Form.Item name="by"><Input placeholder={t('findings_by')} aria-label={t('findings_by')} style={{ width: 190 }} /></Form.Item>
        <Form.Item name="units"><Input placeholder={t('findings_units')} aria-label={t('findings_units')} style={{ width: 200 }} /></Form.Item>
        <Button htmlType="submit" loading={recordInspection.isPending}>{t('findings_recordInspectionButton')}</Button>
      </Form>
      <Typography.Text strong>{t('findings_recordFinding')}</Typography.Text>
      <Form form={findingForm} layout="inline" initialValues={{ inspectionId: lastInspection }} onFinish={(v) => recordFinding.mutate(v)} data-testid="record-finding">
        <Form.Item name="inspectionId" rules={required}><Input placeholder={t('findings_inspectionId')} aria-label={t('findings_inspectionId')} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="unitId" rules={required}><Input placeholder={t('findings_unitId')} aria-label={t('findings_unitId')} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="text" rules={required}><Input placeholder={t('findings_text')} aria-label={t('findings_text')} style={{ width: 240 }} /></Form.Item>
        <Form.Item name="code"><Input placeholder={t('findings_code')} aria-label={t('findings_code')} style={{ width: 120 }} /></Form.Item>
        <Form.Item name="days"><InputNumber min={1} placeholder={t('findings_days')} aria-label={t('findings_days')} style={{ width: 110 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={recordFinding.isPending}>{t('findings_recordFindingButton')}</Button>
      </Form>
    </Space>
  );
}

/** On a rectification's page: the finding it answers, its inspection, and whether it repeats an earlier one. */
export function RectificationFinding({ planId, assignmentId }: { planId: string; assignmentId: string }) {
  const { t } = useI18n();
  const findings = useFindings(planId);
  const finding = findings.data?.findings.find((f) => f.rectification.assignmentId === assignmentId);
  if (!finding) return null;
  return (
    <blockquote style={{ margin: 0, padding: '8px 12px', borderLeft: '4px solid #d4380d', background: '#fff7f0' }} data-testid="rectification-finding">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('findings_of', { inspection: finding.inspectionId, date: formatDate(finding.inspectionDate, t), by: finding.inspectingUnit.name })}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: 0 }}>
        <Space wrap size={4}>{finding.text}<RepeatTag finding={finding} t={t} /></Space>
      </Typography.Paragraph>
    </blockquote>
  );
}
