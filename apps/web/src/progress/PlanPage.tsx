import { lazy, Suspense } from 'react';
import { Breadcrumb, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorPage, ForbiddenPage, NotFoundPage } from '../pages/ResultPages';
import { useSession } from '../queries';
import { OrderedPhases } from './OrderedPhases';
import { PlanAssessment } from './PlanAssessment';
import { PlanBulletins } from './PlanBulletins';
import { PlanOutsideEvents } from './PlanOutsideEvents';
import { PlanTargets } from './PlanTargets';
import { PlanFindings } from './PlanFindings';
import { ProgressMatrix } from './ProgressMatrix';

// ECharts (and the components drawing with it) load beside the page's data requests, not before them.
// Started when this page's chunk loads, so ECharts arrives while the data is on its way.
const timelineChunk = import('./PlanTimeline');
const PlanTimeline = lazy(() => timelineChunk.then((m) => ({ default: m.PlanTimeline })));
const PlanCharts = lazy(() => import('./PlanCharts').then((m) => ({ default: m.PlanCharts })));
const spin = <Spin style={{ display: 'block', margin: 24 }} />;
import { useTimeline } from './progress-queries';

/** A plan at a glance: the timeline, the progress matrix, the charts (each from its own route, each shown as soon as it arrives). */
export function PlanPage() {
  const { t } = useI18n();
  const planId = useParams().planId ?? '';
  const timeline = useTimeline(planId);
  const session = useSession();
  const navigate = useNavigate();
  // Amendments are the planners' (the server decides; the button only spares others a 403).
  const mayAmend = session.data?.person.roles.includes('planner') ?? false;
  // Bulletins name every department: the bureau's planners and auditors read them (the server decides; this spares others a 403).
  const mayRead = session.data?.person.roles.some((role) => role === 'planner' || role === 'auditor') ?? false;
  if (timeline.error instanceof ApiError && timeline.error.status === 404) return <NotFoundPage />;
  if (timeline.error instanceof ApiError && timeline.error.status === 403) return <ForbiddenPage />;
  if (timeline.isError) return <ErrorPage />;
  const data = timeline.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/plans">{t('plan_back')}</Link> }, { title: data?.title ?? planId }]} />
      <Space align="baseline" wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>{data?.title ?? planId}</Typography.Title>
        {data && <Tag>{t(`plans_status_${data.status as 'draft' | 'published' | 'closed'}`)}</Tag>}
        {data && <Typography.Text type="secondary">{t('plan_span', { from: formatDate(data.startsAt, t), to: formatDate(data.endsAt, t) })}</Typography.Text>}
        {data?.status === 'published' && mayAmend && (
          <Button size="small" data-testid="plan-amend" onClick={() => navigate(`/plans/${encodeURIComponent(planId)}/amend`)}>{t('amend_title')}</Button>
        )}
      </Space>
      <Card title={<h2 className="card-title">{t('plan_timeline')}</h2>} size="small">
        {data ? <Suspense fallback={spin}><PlanTimeline data={data} /></Suspense> : spin}
      </Card>
      {data?.phases.some((p) => p.opensAfter !== undefined) && (
        <Card title={<h2 className="card-title">{t('plan_orderedPhases')}</h2>} size="small">
          <OrderedPhases planId={planId} phases={data.phases} mayClose={mayAmend && data.status === 'published'} />
        </Card>
      )}
      <PlanOutsideEvents planId={planId} mayRecord={mayAmend && data?.status === 'published'} />
      {mayRead && (
        <Card title={<h2 className="card-title">{t('plan_targets')}</h2>} size="small">
          <PlanTargets planId={planId} />
        </Card>
      )}
      <Card title={<h2 className="card-title">{t('plan_matrix')}</h2>} size="small">
        <ProgressMatrix planId={planId} />
      </Card>
      {mayRead && (
        <Card title={<h2 className="card-title">{t('plan_bulletins')}</h2>} size="small">
          <PlanBulletins planId={planId} phases={data?.phases ?? []} mayIssue={mayAmend} />
        </Card>
      )}
      <Card title={<h2 className="card-title">{t('findings_title')}</h2>} size="small">
        <PlanFindings planId={planId} mayRecord={mayAmend && data?.status === 'published'} />
      </Card>
      {mayRead && <PlanAssessment planId={planId} phases={data?.phases ?? []} />}
      <section aria-label={t('plan_charts')}>
        {/* The charts ask the server only once the timeline is shown: they do not compete with it. */}
        {data && <Suspense fallback={spin}><PlanCharts planId={planId} /></Suspense>}
      </section>
    </Space>
  );
}
