import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { amendPlan, previewAmendment, type PlanFiles, NO_PLAN_FILES } from '../api/plan-files';
import { AmendmentEffects } from '../components/plan-files/AmendmentEffects';
import { PlanCheck } from '../components/plan-files/PlanCheck';
import { RequestFailure } from '../components/plan-files/RequestFailure';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../queries';

const EMPTY = NO_PLAN_FILES;

/**
 * 修订计划: upload the new version of a published plan; the server decides the amendment without
 * applying it and the page shows its effects per department; applied with a required reason, confirmed.
 */
export function AmendPlanPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { planId = '' } = useParams();
  const session = useSession();
  const isPlanner = session.data?.person.roles.includes('planner') ?? false;
  const [files, setFiles] = useState<PlanFiles>(EMPTY);
  const [form] = Form.useForm<{ reason: string }>();
  const preview = useMutation({ mutationFn: (f: PlanFiles) => previewAmendment(planId, f) });
  const applied = useMutation({ mutationFn: (reason: string) => amendPlan(planId, files, reason) });

  const edit = (next: PlanFiles) => {
    setFiles(next);
    preview.reset();
    applied.reset();
  };

  const confirmApply = ({ reason }: { reason: string }) => {
    const { counts, targets } = preview.data!;
    const ofTargets = (change: string) => targets.filter((target) => target.change === change).length;
    const targetText = targets.length === 0 ? '' : ` ${t('amend_confirmTargets', {
      added: ofTargets('added'), removed: ofTargets('removed'), changed: ofTargets('changed'), rejudged: targets.reduce((n, target) => n + target.statuses.length, 0),
    })}`;
    modal.confirm({
      title: t('amend_confirmTitle'),
      content: `${t('amend_confirmText', { cancelled: counts.cancelled, redated: counts.redated, added: counts.added })}${targetText}`,
      okText: t('confirm_ok'), cancelText: t('confirm_cancel'),
      onOk: () => applied.mutateAsync(reason.trim()).then(() => undefined, () => undefined),
    });
  };

  if (applied.data) {
    return (
      <Result
        status="success"
        title={t('amend_applied', { amendment: applied.data.amendment })}
        subTitle={t('amend_appliedText', { reason: applied.data.reason })}
        data-testid="amendment-applied"
        extra={[
          <Link key="plan" to={`/plans/${encodeURIComponent(planId)}`}><Button type="primary">{t('import_openPlan')}</Button></Link>,
          <Button key="again" onClick={() => { edit(EMPTY); form.resetFields(); }}>{t('amend_again')}</Button>,
        ]}
      />
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="amend-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('amend_title')} <Typography.Text code style={{ fontSize: 16 }} data-testid="amend-plan-id">{planId}</Typography.Text>
        </Typography.Title>
        <Typography.Text type="secondary">{t('amend_intro')}</Typography.Text>
      </div>
      {!isPlanner && session.data && <Alert type="info" showIcon message={t('import_plannerOnly')} />}
      <PlanCheck files={files} onChange={edit} preview={preview} checkLabel="amend_check" checkingLabel="amend_checking" checkTestId="check-amendment">
        {(effects) => (
          <>
            <AmendmentEffects preview={effects} />
            <Card size="small" title={<h2 className="card-title">{t('amend_apply')}</h2>}>
              <Form form={form} layout="vertical" onFinish={confirmApply} disabled={!isPlanner} requiredMark>
                <Form.Item
                  name="reason" label={t('amend_reason')} extra={t('amend_reasonHelp')}
                  rules={[{ required: true, whitespace: true, message: t('amend_reasonRequired') }, { max: 2000 }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} showCount data-testid="amend-reason" />
                </Form.Item>
                <Space>
                  <Button type="primary" danger htmlType="submit" loading={applied.isPending} data-testid="apply-amendment">{t('amend_apply')}</Button>
                  {applied.isError && <RequestFailure error={applied.error} />}
                </Space>
              </Form>
            </Card>
          </>
        )}
      </PlanCheck>
    </Space>
  );
}
