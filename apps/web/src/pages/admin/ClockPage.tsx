import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, InputNumber, List, Space, Statistic, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../../format';
import { queryClient } from '../../queries';
import { FailedPage } from '../ResultPages';

interface Advanced { now: string; steps: number; fired: number }

/**
 * /app/admin/clock — 时钟 (demo / --virtual-clock only): move business time by days or to a date;
 * every timer due on the way fires in order, and the page says how many did.
 */
export function ClockPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | null>(7);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [log, setLog] = useState<Advanced[]>([]);
  const clock = useQuery({ queryKey: ['clock'], queryFn: async () => unwrap(await api.GET('/admin/clock', {})) });
  const advance = useMutation({
    mutationFn: async (body: { advance: string } | { set: string }) => unwrap(await api.POST('/admin/clock', { body })),
    onSuccess: (answer) => {
      setLog((previous) => [answer, ...previous]);
      // Nothing is refetched here: sessions run on business time (docs/decisions/0008), so a move of
      // more than 30 minutes has ended this one too; the page keeps showing what fired, and the
      // next page asks to sign in again (the notice below says so).
      queryClient.setQueryData(['clock'], { now: answer.now, virtual: true });
    },
    onError: (error: Error) => void message.error(error.message),
  });
  if (clock.isError) return <FailedPage error={clock.error} />;
  const virtual = clock.data?.virtual ?? false;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('clock_title')}</Typography.Title>
      <Card>
        <Statistic title={t('clock_now')} value={clock.data ? formatInstant(clock.data.now, t) : '—'} prefix={<ClockCircleOutlined />} valueStyle={{ fontSize: 22 }} data-testid="clock-now" />
        <div style={{ marginTop: 12 }}>
          {virtual ? <Alert type="warning" showIcon title={t('clock_virtual')} description={t('clock_sessions')} /> : <Alert type="info" showIcon title={t('clock_real')} />}
        </div>
      </Card>
      {virtual && (
        <Card>
          <Space direction="vertical" size={16}>
            <Space wrap>
              <Typography.Text>{t('clock_days')}</Typography.Text>
              <InputNumber min={1} max={3660} value={days} onChange={setDays} aria-label={t('clock_days')} data-testid="clock-days" />
              <Button type="primary" disabled={!days} loading={advance.isPending} onClick={() => days && advance.mutate({ advance: `P${days}D` })} data-testid="clock-advance">
                {t('clock_advance')}
              </Button>
            </Space>
            <Space wrap>
              <Typography.Text>{t('clock_date')}</Typography.Text>
              <DatePicker value={date} onChange={setDate} aria-label={t('clock_date')} />
              <Button disabled={!date} loading={advance.isPending} onClick={() => date && advance.mutate({ set: date.startOf('day').format('YYYY-MM-DDTHH:mm:ssZ') })} data-testid="clock-set">
                {t('clock_setTo')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      {log.length > 0 && (
        <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('clock_log')}</Typography.Title>}>
          <List
            size="small"
            dataSource={log}
            data-testid="clock-log"
            renderItem={(item) => <List.Item>{t('clock_fired', { now: formatInstant(item.now, t), fired: item.fired, steps: item.steps })}</List.Item>}
          />
        </Card>
      )}
    </Space>
  );
}
