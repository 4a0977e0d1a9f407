import { Card, Col, Descriptions, Progress, Row, Table, Tag } from 'antd';
import type { PlanPreview } from '../../api/plan-files';
import { formatDate, formatInstant, formatWeek } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { WeeksStrip } from './WeeksStrip';

type Phase = PlanPreview['phases'][number];
type Department = PlanPreview['departments'][number];
type Deadline = PlanPreview['firstDeadlines'][number];
type Week = PlanPreview['weeks'][number];

const heading = (text: string) => <h2 className="card-title">{text}</h2>;

/** What a plan would do, from the server's simulated run: phases with dates, work per department, the first deadlines, the busiest weeks. */
export function PlanPreviewView({ preview }: { preview: PlanPreview }) {
  const { t } = useI18n();
  const names = new Map(preview.departments.map((d) => [d.departmentId, d.name]));
  const busiest = Math.max(1, ...preview.busiestWeeks.map((w) => w.deadlines));
  const { plan, simulation } = preview;
  return (
    <Row gutter={[16, 16]} data-testid="plan-preview">
      <Col span={24}>
        <Card size="small" title={heading(preview.plan.title)}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('preview_documentNumber')}>{plan.documentNumber}</Descriptions.Item>
            <Descriptions.Item label={t('preview_span')}>{t('preview_spanValue', { from: formatDate(plan.startsAt, t), to: formatDate(plan.endsAt, t) })}</Descriptions.Item>
            <Descriptions.Item label={t('preview_counts')}>{t('preview_countsValue', { phases: plan.phases, obligations: plan.obligations, departments: plan.departments })}</Descriptions.Item>
            <Descriptions.Item label={t('preview_simulation')}>
              <span data-testid="preview-simulation">{t('preview_simulationValue', { events: simulation.events, issued: simulation.issued, accepted: simulation.accepted, rejections: simulation.rejections })}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={heading(t('preview_phases'))}>
          <Table<Phase>
            rowKey="phaseId" size="small" pagination={false} dataSource={preview.phases} data-testid="preview-phases"
            columns={[
              { title: t('preview_phase'), dataIndex: 'name', key: 'name' },
              { title: t('preview_kind'), key: 'kind', width: 100, render: (_v, p) => <Tag>{t(p.kind === 'theme-year' ? 'kind_theme_year' : p.kind === 'step' ? 'kind_step' : 'kind_stage')}</Tag> },
              // An undated phase (after: previous) has no dates: say what opens and closes it (ADR 0019).
              { title: t('preview_opens'), key: 'opens', width: 230, render: (_v, p) => (p.opensAfter !== undefined ? t('phase_opensAfter', { previous: preview.phases.find((q) => q.phaseId === p.opensAfter)?.name ?? p.opensAfter }) : formatDate(p.opensAt, t)) },
              { title: t('preview_closes'), key: 'closes', width: 230, render: (_v, p) => (p.opensAfter !== undefined ? t('phase_closedByPlanner') : formatDate(p.closesAt, t)) },
              { title: t('preview_assignments'), dataIndex: 'assignments', key: 'assignments', width: 100, align: 'right' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        <Card size="small" title={heading(t('preview_departments'))} style={{ height: '100%' }}>
          <Table<Department>
            rowKey="departmentId" size="small" dataSource={preview.departments} data-testid="preview-departments"
            pagination={preview.departments.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
            columns={[
              { title: t('preview_department'), dataIndex: 'name', key: 'name', ellipsis: true },
              { title: t('preview_lead'), dataIndex: 'lead', key: 'lead', width: 64, align: 'right' },
              { title: t('preview_co'), dataIndex: 'co', key: 'co', width: 64, align: 'right' },
              { title: t('preview_total'), dataIndex: 'assignments', key: 'total', width: 64, align: 'right', render: (n: number) => <strong>{n}</strong> },
              { title: t('preview_firstDue'), key: 'first', width: 180, render: (_v, d) => (d.firstDueAt ? formatDate(d.firstDueAt, t) : null) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        <Card size="small" title={heading(t('preview_busiestWeeks'))} style={{ height: '100%' }}>
          <WeeksStrip preview={preview} />
          <Table<Week>
            rowKey="weekStart" size="small" pagination={false} dataSource={preview.busiestWeeks} data-testid="preview-busiest-weeks"
            columns={[
              { title: t('preview_week'), key: 'week', width: 210, render: (_v, w) => <span style={{ whiteSpace: 'nowrap' }}>{formatWeek(w.weekStart, t)}</span> },
              {
                title: t('preview_deadlines'), key: 'deadlines',
                render: (_v, w) => (
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                    <Progress percent={(100 * w.deadlines) / busiest} showInfo={false} size="small" strokeColor="#1f5fbf" style={{ flex: 1, margin: 0 }} aria-hidden="true" />
                    <span style={{ minWidth: 32, textAlign: 'right' }}>{w.deadlines}</span>
                  </div>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={heading(t('preview_firstDeadlines'))}>
          <Table<Deadline>
            rowKey="assignmentId" size="small" pagination={false} dataSource={preview.firstDeadlines} data-testid="preview-first-deadlines"
            columns={[
              { title: t('preview_due'), key: 'due', width: 240, render: (_v, d) => formatInstant(d.dueAt, t) },
              { title: t('preview_task'), dataIndex: 'title', key: 'title', ellipsis: true },
              { title: t('preview_department'), key: 'department', width: 260, ellipsis: true, render: (_v, d) => names.get(d.departmentId) ?? d.departmentId },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
