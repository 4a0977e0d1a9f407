import { useState } from 'react';
import { Alert, App, Button, Result, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { importPlan, previewPlan, publishPlan, type PlanFiles, NO_PLAN_FILES } from '../api/plan-files';
import { PlanPreviewView } from '../components/plan-files/PlanPreviewView';
import { PlanCheck } from '../components/plan-files/PlanCheck';
import { RequestFailure } from '../components/plan-files/RequestFailure';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../queries';

const EMPTY = NO_PLAN_FILES;

/**
 * 导入计划: paste or upload a plan (and its departments file); the server checks it and simulates
 * all of it; every problem is shown at its line; once valid, the preview; then import and publish,
 * each confirmed.
 */
export function ImportPlanPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const session = useSession();
  const isPlanner = session.data?.person.roles.includes('planner') ?? false;
  const [files, setFiles] = useState<PlanFiles>(EMPTY);
  const preview = useMutation({ mutationFn: previewPlan });
  const imported = useMutation({ mutationFn: importPlan });
  const published = useMutation({ mutationFn: ({ planId, confirmPastDue }: { planId: string; confirmPastDue: boolean }) => publishPlan(planId, confirmPastDue) });

  const edit = (next: PlanFiles) => {
    setFiles(next);
    // A preview or an import speaks of the text it was made from: editing starts again.
    preview.reset();
    imported.reset();
    published.reset();
  };
  const planId = imported.data?.planId;

  const confirmImport = () => {
    const plan = preview.data!.plan;
    modal.confirm({
      title: t('import_confirmTitle'),
      content: t('import_confirmText', { title: plan.title, obligations: plan.obligations, departments: plan.departments }),
      okText: t('confirm_ok'), cancelText: t('confirm_cancel'),
      onOk: () => imported.mutateAsync(files).then(() => undefined, () => undefined),
    });
  };
  const confirmPublish = (confirmPastDue = false, pastDue = 0) => {
    modal.confirm({
      title: t(confirmPastDue ? 'import_pastDueTitle' : 'import_publishConfirmTitle'),
      content: confirmPastDue ? t('import_pastDueText', { count: pastDue }) : t('import_publishConfirmText'),
      okText: t('confirm_ok'), cancelText: t('confirm_cancel'),
      onOk: () =>
        published.mutateAsync({ planId: planId!, confirmPastDue }).then(
          () => undefined,
          (error: unknown) => {
            // The span has begun: say how much is already late and ask once more.
            if (error instanceof ApiError && error.body.error === 'past_due_confirmation_required') {
              published.reset();
              confirmPublish(true, Number((error.body as { pastDue?: number }).pastDue ?? 0));
            }
          },
        ),
    });
  };

  if (published.isSuccess && planId) {
    return (
      <Result
        status="success"
        title={t('import_published', { title: preview.data?.plan.title ?? planId })}
        subTitle={t('import_publishedText')}
        data-testid="import-published"
        extra={[
          <Link key="plan" to={`/plans/${encodeURIComponent(planId)}`}><Button type="primary">{t('import_openPlan')}</Button></Link>,
          <Link key="amend" to={`/plans/${encodeURIComponent(planId)}/amend`}><Button>{t('import_amendPlan')}</Button></Link>,
          <Button key="again" onClick={() => edit(EMPTY)}>{t('import_another')}</Button>,
        ]}
      />
    );
  }

  const existing = preview.data?.existingStatus;
  const blocked = existing === 'published' || existing === 'closed';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="import-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>{t('import_title')}</Typography.Title>
        <Typography.Text type="secondary">{t('import_intro')}</Typography.Text>
      </div>
      {!isPlanner && session.data && <Alert type="info" showIcon message={t('import_plannerOnly')} />}
      <PlanCheck files={files} onChange={edit} preview={preview} checkLabel="import_check" checkingLabel="import_checking" checkTestId="check-plan">
        {(previewed) => (
          <>
            <Alert type="success" showIcon message={t('import_valid')} data-testid="plan-valid" style={{ background: '#f3fbee', borderColor: '#8fc96f' }} />
            {existing === 'draft' && <Alert type="info" showIcon message={t('import_existsDraft', { planId: previewed.plan.planId })} />}
            {blocked && (
              <Alert
                type="warning" showIcon
                message={t('import_existsPublished', { planId: previewed.plan.planId, status: t(`planStatus_${existing}`) })}
                action={<Link to={`/plans/${encodeURIComponent(previewed.plan.planId)}/amend`}>{t('import_goAmend')}</Link>}
              />
            )}
            <PlanPreviewView preview={previewed} />
            <div style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 16px', border: '1px solid #e8e8e8', borderRadius: 8, display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
              {imported.data ? (
                <>
                  <Typography.Text strong data-testid="import-done">{t('import_done', { planId: imported.data.planId })}</Typography.Text>
                  <Button type="primary" onClick={() => confirmPublish()} loading={published.isPending} disabled={!isPlanner} data-testid="publish-plan">{t('import_publish')}</Button>
                </>
              ) : (
                <Button type="primary" onClick={confirmImport} loading={imported.isPending} disabled={!isPlanner || blocked} data-testid="import-plan">{t('import_do')}</Button>
              )}
              {imported.isError && <RequestFailure error={imported.error} />}
              {published.isError && <RequestFailure error={published.error} />}
            </div>
          </>
        )}
      </PlanCheck>
    </Space>
  );
}
