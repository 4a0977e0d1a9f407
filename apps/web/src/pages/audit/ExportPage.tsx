import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { AsOfBasis } from '../../components/AsOf';
import { downloadFrom, usePlanChoices } from './audit-queries';

type Download = { key: string; label: MessageKey; query: string };
const DOWNLOADS: Download[] = [
  { key: 'xlsx', label: 'export_xlsx', query: 'format=xlsx' },
  { key: 'json', label: 'export_json', query: 'format=json' },
  { key: 'csv-assignments', label: 'export_csvAssignments', query: 'format=csv&part=assignments' },
  { key: 'csv-events', label: 'export_csvEvents', query: 'format=csv&part=events' },
];

/** /app/audit/export — 导出: the CLI's export of a plan as of a moment, downloaded (GET /audit/plans/{id}/export). */
export function ExportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const plans = usePlanChoices();
  const [plan, setPlan] = useState<string>();
  const [moment, setMoment] = useState<Dayjs | null>(null);
  const [basis, setBasis] = useState<AsOfBasis>('recorded');
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (item: Download) => {
    if (!plan) return;
    setBusy(item.key);
    try {
      const asOf = moment ? `&asOf=${encodeURIComponent(moment.format('YYYY-MM-DDTHH:mm:ssZ'))}&asOfBasis=${basis}` : '';
      const name = await downloadFrom(`/audit/plans/${encodeURIComponent(plan)}/export?${item.query}${asOf}`);
      void message.success(name);
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 900 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('export_title')}</Typography.Title>
        <Typography.Text type="secondary">{t('export_intro')}</Typography.Text>
      </div>
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('export_plan')} required>
            <Select id="export-plan" showSearch optionFilterProp="label" placeholder={t('export_planPick')} options={plans.data ?? []} value={plan} onChange={setPlan} data-testid="export-plan" aria-label={t('export_plan')} />
          </Form.Item>
          <Space wrap size={24}>
            <Form.Item label={t('export_moment')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={moment} onChange={setMoment} placeholder={t('export_momentNow')} aria-label={t('export_moment')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('export_basis')}>
              <Select<AsOfBasis>
                value={basis}
                onChange={setBasis}
                style={{ width: 140 }}
                aria-label={t('export_basis')}
                options={[{ value: 'recorded', label: t('asOf_basis_recorded') }, { value: 'business', label: t('asOf_basis_business') }]}
              />
            </Form.Item>
          </Space>
          <Space wrap>
            {DOWNLOADS.map((item) => (
              <Button key={item.key} type={item.key === 'xlsx' ? 'primary' : 'default'} icon={<DownloadOutlined />} disabled={!plan} loading={busy === item.key} onClick={() => void download(item)} data-testid={`export-${item.key}`}>
                {t(item.label)}
              </Button>
            ))}
          </Space>
        </Form>
      </Card>
      <Alert type="info" showIcon title={t('export_recorded')} />
    </Space>
  );
}
