import { useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useI18n, type Translate } from '../../i18n/i18n';
import { zhCN, type MessageKey } from '../../i18n/messages';
import { formatInstant } from '../../format';
import { FailedPage } from '../ResultPages';
import { useDepartmentChoices, useEventLog, usePlanChoices, type EventLogEntry, type EventLogFilter } from './audit-queries';

const PAGE = 50;
const FILTERS = ['plan', 'department', 'assignment', 'type', 'person', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

/** The event types the app has names for: offered in the type filter (any other can be typed). */
const KNOWN_TYPES = Object.keys(zhCN).filter((key) => key.startsWith('event_') && key !== 'event_other').map((key) => key.slice('event_'.length));

function typeLabel(type: string, t: Translate): string {
  const key = `event_${type}` as MessageKey;
  return key in zhCN ? `${t(key)} · ${type}` : type;
}

/** The assignment page behind an event of an assignment stream, as of the moment it was recorded. */
function assignmentLink(entry: EventLogEntry): string | null {
  const match = /^(?:assignment|notifications)-([a-z0-9][a-z0-9-]*\..+)$/.exec(entry.stream);
  return match ? `/assignments/${encodeURIComponent(match[1])}?asOf=${encodeURIComponent(entry.recordedAt)}` : null;
}

/** /app/audit/events — 事件日志: every stored event, filtered, newest first, a page at a time (keyset cursors from the server). */
export function EventLogPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: Record<FilterName, string | undefined> = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Record<FilterName, string | undefined>;
  // Cursors of the pages seen so far: page n is read with cursors[n - 1] (page 1 with none).
  const [cursors, setCursors] = useState<string[]>([]);
  const query: EventLogFilter = { ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), limit: PAGE, ...(cursors.length > 0 && { cursor: cursors.at(-1) }) };
  const log = useEventLog(query);
  const plans = usePlanChoices();
  const departments = useDepartmentChoices(filter.plan);
  const [form] = Form.useForm();

  const search = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const name of ['plan', 'department', 'assignment', 'type', 'person'] as const) {
      const value = typeof values[name] === 'string' ? (values[name] as string).trim() : '';
      if (value) next.set(name, value);
    }
    const range = values.range as [Dayjs | null, Dayjs | null] | undefined;
    if (range?.[0]) next.set('from', range[0].format('YYYY-MM-DDTHH:mm:ssZ'));
    if (range?.[1]) next.set('to', range[1].format('YYYY-MM-DDTHH:mm:ssZ'));
    setCursors([]);
    setParams(next);
  };

  const columns: ColumnsType<EventLogEntry> = [
    { title: t('col_recordedAt'), key: 'recordedAt', width: 150, render: (_v, e) => formatInstant(e.recordedAt, t) },
    { title: t('col_businessTime'), key: 'businessTime', width: 150, render: (_v, e) => (e.businessTime ? formatInstant(e.businessTime, t) : '—') },
    { title: t('col_type'), key: 'type', width: 170, render: (_v, e) => <Typography.Text>{typeLabel(e.type, t)}</Typography.Text> },
    {
      title: t('col_actor'), key: 'actor', width: 110,
      render: (_v, e) => (e.actor ? <span>{e.actor.role === 'system' ? t('actor_system') : e.actor.userId}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.actor.departmentId ?? e.actor.role}</Typography.Text></span> : '—'),
    },
    {
      title: t('col_stream'), key: 'stream', width: 300,
      render: (_v, e) => {
        const link = assignmentLink(e);
        // Long stream names wrap at their dots, in a small monospace face, rather than in a boxed code tag.
        const text = <span style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{e.stream.replace(/\./g, '.\u200b')} #{e.revision}</span>;
        return link ? <Link to={link}>{text}</Link> : text;
      },
    },
    { title: t('col_schema'), key: 'schema', width: 60, align: 'center', render: (_v, e) => <Tag>v{e.schemaVersion}</Tag> },
    {
      title: t('col_hash'), key: 'hash', width: 110,
      render: (_v, e) => <Tooltip title={e.hash}><Typography.Text code data-testid="event-hash">{e.hash.slice(0, 10)}</Typography.Text></Tooltip>,
    },
    { title: t('col_summary'), key: 'summary', ellipsis: { showTitle: true }, render: (_v, e) => e.summary },
  ];

  if (log.isError) return <FailedPage error={log.error} />;
  const page = cursors.length + 1;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('events_title')}</Typography.Title>
        <Typography.Text type="secondary">{t('events_intro', { limit: PAGE })}</Typography.Text>
      </div>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          onFinish={search}
          initialValues={{ ...filter, range: [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="plan" label={t('events_plan')}>
            <Select allowClear showSearch optionFilterProp="label" options={plans.data ?? []} style={{ width: 240 }} data-testid="filter-plan" />
          </Form.Item>
          <Form.Item name="department" label={t('events_department')}>
            <Select allowClear showSearch optionFilterProp="label" options={departments.data ?? []} style={{ width: 200 }} data-testid="filter-department" />
          </Form.Item>
          <Form.Item name="assignment" label={t('events_assignment')}>
            <Input allowClear style={{ width: 260 }} data-testid="filter-assignment" />
          </Form.Item>
          <Form.Item name="type" label={t('events_type')}>
            <AutoComplete
              allowClear
              options={KNOWN_TYPES.map((type) => ({ value: type, label: typeLabel(type, t) }))}
              filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
              style={{ width: 240 }}
              data-testid="filter-type"
            />
          </Form.Item>
          <Form.Item name="person" label={t('events_person')}>
            <Input allowClear style={{ width: 160 }} data-testid="filter-person" />
          </Form.Item>
          <Form.Item name="range" label={t('events_range')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="events-search">{t('events_search')}</Button>
              <Button onClick={() => { form.resetFields(); setCursors([]); setParams(new URLSearchParams()); }}>{t('events_reset')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table<EventLogEntry>
        rowKey={(e) => e.eventId}
        size="small"
        columns={columns}
        dataSource={log.data?.events ?? []}
        loading={log.isFetching}
        pagination={false}
        locale={{ emptyText: t('events_none') }}
        data-testid="event-log"
        scroll={{ x: 1260 }}
      />
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Typography.Text data-testid="events-page">{t('events_page', { page })}</Typography.Text>
        <Button disabled={page === 1} onClick={() => setCursors([])}>{t('events_first')}</Button>
        <Button
          type="primary"
          disabled={!log.data?.page.nextCursor || log.isFetching}
          onClick={() => log.data?.page.nextCursor && setCursors([...cursors, log.data.page.nextCursor])}
          data-testid="events-next"
        >
          {t('events_next')}
        </Button>
      </Space>
    </Space>
  );
}
