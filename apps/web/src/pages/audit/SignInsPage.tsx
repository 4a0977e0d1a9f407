import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatInstant } from '../../format';
import { FailedPage } from '../ResultPages';
import { downloadFrom, type SignInAnswer } from './audit-queries';

type Entry = SignInAnswer['entries'][number];
interface Filter { person?: string; from?: string; to?: string }

// Dark text on a pale ground (WCAG AA at tag size), as StatusTag does: antd's preset tag colours are too light.
const tone = (color: string, background: string) => ({ color, background, borderColor: color });
const GOOD = tone('#1e6b0a', '#eefbe7');
const BAD = tone('#a8071a', '#fff1f0');
const NEUTRAL = tone('#4a4a4a', '#f3f3f3');
const INFO = tone('#0b4fa8', '#e8f1ff');
const TONE: Record<Entry['type'], { color: string; background: string; borderColor: string }> = {
  SignedIn: GOOD, SignedOut: NEUTRAL, SignInFailed: BAD, AccountLocked: BAD, InvitationIssued: INFO, InvitationUsed: INFO, PasswordChanged: INFO,
};

/** /app/audit/sign-ins — 登录记录: who signed in (or failed to), when and from where; xlsx and csv exports of the same rows. */
export function SignInsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const records = useQuery({
    queryKey: ['sign-ins', filter],
    queryFn: async () => unwrap(await api.GET('/audit/sign-ins', { params: { query: filter } })),
  });
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const query = new URLSearchParams({ format, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) });
    try {
      void message.success(await downloadFrom(`/audit/sign-ins/export?${query}`));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  if (records.isError) return <FailedPage error={records.error} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('signIns_title')}</Typography.Title>
      <Card size="small">
        <Form
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(values: { person?: string; range?: [Dayjs | null, Dayjs | null] }) =>
            setFilter({
              person: values.person?.trim() || undefined,
              from: values.range?.[0]?.format('YYYY-MM-DDTHH:mm:ssZ'),
              to: values.range?.[1]?.format('YYYY-MM-DDTHH:mm:ssZ'),
            })}
        >
          <Form.Item name="person" label={t('signIns_person')}>
            <Input allowClear style={{ width: 180 }} data-testid="sign-ins-person" />
          </Form.Item>
          <Form.Item name="range" label={t('signIns_range')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="sign-ins-search">{t('events_search')}</Button>
          </Form.Item>
          <Form.Item>
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="sign-ins-xlsx">{t('signIns_exportXlsx')}</Button>
              <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')} data-testid="sign-ins-csv">{t('signIns_exportCsv')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table<Entry>
        size="small"
        rowKey={(e) => `${e.stream}#${e.revision}`}
        loading={records.isFetching}
        dataSource={[...(records.data?.entries ?? [])].reverse()}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('signIns_none') }}
        data-testid="sign-ins"
        columns={[
          { title: t('col_at'), key: 'at', width: 200, render: (_v, e) => formatInstant(e.at, t) },
          { title: t('col_kind'), key: 'type', width: 130, render: (_v, e) => <Tag style={TONE[e.type]}>{t(`signIn_${e.type}` as MessageKey)}</Tag> },
          { title: t('col_person'), dataIndex: 'personId', key: 'person', width: 160 },
          { title: t('col_client'), key: 'client', width: 150, render: (_v, e) => e.clientAddress ?? '—' },
          { title: t('col_detail'), key: 'detail', ellipsis: true, render: (_v, e) => (Object.keys(e.detail).length ? Object.entries(e.detail).map(([k, v]) => `${k}: ${String(v)}`).join('; ') : '—') },
        ]}
      />
    </Space>
  );
}
