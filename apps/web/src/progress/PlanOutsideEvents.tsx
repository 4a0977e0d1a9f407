import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { formatInstant } from '../format';
import { useI18n, type Translate } from '../i18n/i18n';
import { queryClient } from '../queries';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type OutsideEvent = Json<paths['/plans/{id}']['get']['responses'][200]>['outsideEvents'][number];

/** A plan-local date (YYYY-MM-DD) with its weekday: the date is the plan's own, no zone to convert. */
const localDay = (date: string, t: Translate) => dayjs(date).format(t('date_format'));

export function useOutsideEvents(planId: string) {
  return useQuery({
    queryKey: ['outside-events', planId],
    // One assignment is the smallest page; the events come with the plan's page.
    queryFn: async () => unwrap(await api.GET('/plans/{id}', { params: { path: { id: planId }, query: { limit: 1 } as never } })).outsideEvents,
  });
}

/** The plan's units (ids and names), asked for only when an inspection needs them. */
function usePlanUnits(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['department-choices', planId],
    enabled,
    queryFn: async () => unwrap(await api.GET('/departments', { params: { query: { planId } } })).departments.map((d) => ({ value: d.departmentId, label: d.name })),
    staleTime: 60_000,
  });
}

function StatusTag({ event }: { event: OutsideEvent }) {
  const { t } = useI18n();
  // Darker text than antd's tag colours: 4.5:1 on their light backgrounds (WCAG AA).
  if (event.status === 'recorded') return <Tag color="green" style={{ color: '#135200' }}>{t('outside_recorded')}</Tag>;
  if (event.expectedPassed) return <Tag color="orange" style={{ color: '#873800' }} data-testid="event-overdue-expected">{t('outside_overdueExpected')}</Tag>;
  return <Tag color="blue">{t('outside_waiting')}</Tag>;
}

/**
 * 外部事件 on the plan page (ADR 0020): the events the plan names, waiting (with the window the
 * plan expects them in, marked when it has passed) or recorded (each occurrence, who recorded it,
 * what it issued); planners record a date here (POST /plans/{id}/events). Hidden when the plan
 * names none.
 */
export function PlanOutsideEvents({ planId, mayRecord }: { planId: string; mayRecord: boolean }) {
  const { t } = useI18n();
  const events = useOutsideEvents(planId);
  const [recording, setRecording] = useState<OutsideEvent | undefined>();
  // An inspection's occurrences name units by id: shown by name.
  const inspected = events.data?.some((e) => e.inspection && e.occurrences.length > 0) ?? false;
  const units = usePlanUnits(planId, inspected);
  const unitName = (id: string) => units.data?.find((u) => u.value === id)?.label ?? id;
  if (!events.data || events.data.length === 0) return null;
  return (
    <Card title={<h2 className="card-title">{t('outside_section')}</h2>} size="small" data-testid="outside-events">
      <List<OutsideEvent>
        size="small"
        dataSource={events.data}
        rowKey="eventId"
        renderItem={(event) => (
          <List.Item
            data-testid={`outside-event-${event.eventId}`}
            actions={mayRecord && (event.status === 'waiting' || event.recurring) ? [
              <Button key="record" size="small" onClick={() => setRecording(event)} data-testid={`record-${event.eventId}`}>{t('outside_record')}</Button>,
            ] : []}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Typography.Text strong>{event.name}</Typography.Text>
                  <StatusTag event={event} />
                  {event.recurring && <Tag>{t('outside_recurring')}</Tag>}
                  {event.inspection && <Tag>{t('outside_inspection')}</Tag>}
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {event.expected && (
                    <Typography.Text type={event.expectedPassed ? 'warning' : 'secondary'}>
                      {t('outside_expected', { from: localDay(event.expected.from, t), to: localDay(event.expected.to, t) })}
                    </Typography.Text>
                  )}
                  {event.status === 'waiting' && !event.expected && <Typography.Text type="secondary">{t('outside_noWindow')}</Typography.Text>}
                  {event.occurrences.map((o) => (
                    <Typography.Text key={o.occurrence} data-testid="event-occurrence">
                      {t('outside_occurrence', {
                        n: o.occurrence, date: localDay(o.date, t),
                        who: o.recordedBy?.displayName ?? o.recordedBy?.userId ?? '—', at: formatInstant(o.recordedAt, t),
                      })}
                      {event.inspection ? t('outside_units', { units: o.units.map(unitName).join('、') }) : t('outside_issued', { count: o.assignmentsIssued })}
                      {o.note && ` · ${o.note}`}
                    </Typography.Text>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {recording && <RecordEventDialog planId={planId} event={recording} onClose={() => setRecording(undefined)} />}
    </Card>
  );
}

interface RecordValues {
  date: Dayjs;
  units?: string[];
  note?: string;
}

/** 登记日期: the event's date (the plan's local date), the inspected units of an inspection, a note; confirmed before it is sent. */
function RecordEventDialog({ planId, event, onClose }: { planId: string; event: OutsideEvent; onClose(): void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const units = usePlanUnits(planId, event.inspection);
  const record = useMutation({
    mutationFn: async (values: RecordValues) =>
      unwrap(await api.POST('/plans/{id}/events', {
        params: { path: { id: planId } },
        body: { eventId: event.eventId, date: values.date.format('YYYY-MM-DD'), ...(values.units?.length && { units: values.units }), ...(values.note?.trim() && { note: values.note.trim() }) },
      })),
    onSuccess: (answer) => {
      void message.success(t('outside_recordedOk', { name: event.name, n: answer.occurrence }));
      // The work hanging on it is issued by the worker: the plan's pages refresh now and again when asked.
      void queryClient.invalidateQueries({ queryKey: ['outside-events', planId] });
      void queryClient.invalidateQueries({ queryKey: ['progress-timeline', planId] });
      void queryClient.invalidateQueries({ queryKey: ['progress-matrix', planId] });
      onClose();
    },
    onError: (error: Error) => void message.error(error.message),
  });
  const confirm = (values: RecordValues) =>
    modal.confirm({
      title: t('outside_confirmTitle'),
      content: t('outside_confirmText', { name: event.name, date: values.date.format(t('date_format')) }),
      okText: t('confirm_ok'), cancelText: t('confirm_cancel'),
      onOk: () => record.mutateAsync(values).then(() => undefined, () => undefined),
    });
  return (
    <Modal open title={t('outside_recordTitle', { name: event.name })} onCancel={onClose} okText={t('outside_record')} cancelText={t('confirm_cancel')} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
        <Form.Item name="date" label={t('outside_date')} extra={t('outside_dateHelp')} rules={[{ required: true, message: t('outside_dateRequired') }]}>
          <DatePicker format={[t('date_format'), 'YYYY-MM-DD']} style={{ width: '100%' }} data-testid="event-date" />
        </Form.Item>
        {event.inspection && (
          <Form.Item name="units" label={t('outside_unitsLabel')} rules={[{ required: true, message: t('outside_unitsRequired') }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={units.isPending} options={units.data ?? []} data-testid="event-units" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('outside_note')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="event-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
