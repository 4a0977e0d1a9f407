import { useState } from 'react';
import { Alert, Button, DatePicker, Select, Space, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { formatInstant } from '../format';
import { useSession } from '../queries';

export type AsOfBasis = 'recorded' | 'business';

/** The moment a page is replayed at lives in its address (`?asOf=…&basis=business`), so it survives a reload and can be sent on. */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const basis: AsOfBasis = params.get('basis') === 'business' ? 'business' : 'recorded';
  const set = (next: { asOf?: string; basis?: AsOfBasis }) => {
    const copy = new URLSearchParams(params);
    if (next.asOf) copy.set('asOf', next.asOf);
    else copy.delete('asOf');
    if (next.asOf && next.basis === 'business') copy.set('basis', 'business');
    else copy.delete('basis');
    setParams(copy);
  };
  return { asOf, basis, set };
}

/** Who may replay the record: the bureau's auditors and planners (the server decides; this only hides the control). */
export function useCanReplay(): boolean {
  const roles = useSession().data?.person.roles ?? [];
  return roles.includes('auditor') || roles.includes('planner');
}

/** The unmissable notice on a replayed page: which moment, on which clock. */
export function AsOfBanner({ asOf }: { asOf: { instant: string; basis: AsOfBasis } }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      icon={<HistoryOutlined />}
      data-testid="as-of-banner"
      title={<Typography.Text strong>{t('asOf_banner', { moment: formatInstant(asOf.instant, t), basis: t(`asOf_basis_${asOf.basis}`) })}</Typography.Text>}
    />
  );
}

/** Choose a moment and a basis, replay; or go back to now. */
export function AsOfPicker() {
  const { t } = useI18n();
  const { asOf, basis, set } = useAsOf();
  const [moment, setMoment] = useState<Dayjs | null>(asOf ? dayjs(asOf) : null);
  const [chosenBasis, setChosenBasis] = useState<AsOfBasis>(basis);
  return (
    <Space wrap aria-label={t('asOf_label')} role="group">
      <Typography.Text type="secondary">{t('asOf_label')}</Typography.Text>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={moment}
        onChange={setMoment}
        placeholder={t('asOf_pick')}
        aria-label={t('asOf_pick')}
        data-testid="as-of-picker"
      />
      <Select<AsOfBasis>
        value={chosenBasis}
        onChange={setChosenBasis}
        aria-label={t('export_basis')}
        style={{ width: 120 }}
        options={[
          { value: 'recorded', label: t('asOf_basis_recorded') },
          { value: 'business', label: t('asOf_basis_business') },
        ]}
      />
      <Button type="primary" disabled={!moment} onClick={() => moment && set({ asOf: moment.format('YYYY-MM-DDTHH:mm:ssZ'), basis: chosenBasis })} data-testid="as-of-show">
        {t('asOf_show')}
      </Button>
      {asOf && (
        <Button onClick={() => { setMoment(null); set({}); }} data-testid="as-of-now">
          {t('asOf_now')}
        </Button>
      )}
    </Space>
  );
}
