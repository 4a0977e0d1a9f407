import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { AmendedDepartment, AmendmentPreview } from '../../api/plan-files';
import { formatDate, formatInstant } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

type Change = AmendedDepartment['counts'] extends Record<infer K, number> ? K : never;
type AmendedAssignment = AmendedDepartment['assignments'][number];
type AmendedPhase = AmendmentPreview['phases'][number];
type AmendedTarget = AmendmentPreview['targets'][number];

const CHANGES: { change: Change; label: MessageKey; colour: string; background: string }[] = [
  { change: 'cancelled', label: 'amend_cancelled', colour: '#a8071a', background: '#fff1f0' },
  { change: 'redated', label: 'amend_redated', colour: '#8a4300', background: '#fff7e6' },
  { change: 'added', label: 'amend_added', colour: '#1e6b0a', background: '#f0fbe8' },
  { change: 'dropped', label: 'amend_dropped', colour: '#4a4a4a', background: '#f3f3f3' },
];
const tagStyle = (change: Change) => {
  const c = CHANGES.find((x) => x.change === change)!;
  return { color: c.colour, background: c.background, borderColor: c.colour };
};
const heading = (text: string) => <h2 className="card-title">{text}</h2>;

function ChangeTag({ change }: { change: Change }) {
  const { t } = useI18n();
  return <Tag style={tagStyle(change)} data-testid="change-tag" data-change={change}>{t(CHANGES.find((c) => c.change === change)!.label)}</Tag>;
}

/** Before → after of one assignment's deadline: the old one struck through when it moves or goes. */
function DueChange({ item }: { item: AmendedAssignment }) {
  const { t } = useI18n();
  if (item.change === 'added') return <span>{formatInstant(item.toDueAt!, t)}</span>;
  if (item.change === 'redated') {
    return (
      <span>
        <Typography.Text delete type="secondary">{formatDate(item.fromDueAt!, t)}</Typography.Text>
        {' → '}
        <Typography.Text strong>{formatDate(item.toDueAt!, t)}</Typography.Text>
      </span>
    );
  }
  return <Typography.Text delete type="secondary">{formatDate(item.fromDueAt!, t)}</Typography.Text>;
}

/** The amendment's effects, decided on the server by the plan decider: counts, phases, and per department the work that changes. */
export function AmendmentEffects({ preview }: { preview: AmendmentPreview }) {
  const { t } = useI18n();
  const { counts } = preview;
  const phaseCounts: { key: keyof typeof counts; label: MessageKey }[] = [
    { key: 'phasesMoved', label: 'amend_phasesMoved' },
    { key: 'phasesCancelled', label: 'amend_phasesCancelled' },
    { key: 'phasesClosed', label: 'amend_phasesClosed' },
    { key: 'phasesAdded', label: 'amend_phasesAdded' },
  ];
  const nothing = preview.departments.length === 0 && preview.phases.length === 0 && preview.targets.length === 0;
  return (
    <Card size="small" title={heading(t('amend_effects', { amendment: preview.amendment, at: formatInstant(preview.inForceAt, t) }))} data-testid="amendment-effects">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {CHANGES.map(({ change, label, colour }) => (
          <Col key={change} xs={12} md={6} xl={3}>
            <Statistic title={t(label)} value={counts[change]} valueStyle={{ color: counts[change] ? colour : 'rgba(0,0,0,0.6)' }} data-testid={`count-${change}`} />
          </Col>
        ))}
        {phaseCounts.map(({ key, label }) => (
          <Col key={key} xs={12} md={6} xl={3}>
            <Statistic title={t(label)} value={counts[key]} valueStyle={{ color: counts[key] ? '#1f5fbf' : 'rgba(0,0,0,0.6)' }} />
          </Col>
        ))}
      </Row>
      {nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('amend_none')} />}
      {preview.phases.length > 0 && (
        <>
          <h3 className="card-title" style={{ margin: '8px 0' }}>{t('amend_phaseChanges')}</h3>
          <Table<AmendedPhase>
            rowKey="phaseId" size="small" pagination={false} dataSource={preview.phases} data-testid="amended-phases" style={{ marginBottom: 16 }}
            columns={[
              { title: t('preview_phase'), dataIndex: 'name', key: 'name' },
              { title: t('amend_change'), key: 'change', width: 120, render: (_v, p) => <Tag>{t(`amend_phaseChange_${p.change}`)}</Tag> },
              { title: t('amend_status'), key: 'status', width: 100, render: (_v, p) => t(`phaseStatus_${p.status}`) },
              { title: t('amend_before'), key: 'from', render: (_v, p) => (p.from ? `${formatDate(p.from.opensAt, t)} – ${formatDate(p.from.closesAt, t)}` : '—') },
              { title: t('amend_after'), key: 'to', render: (_v, p) => (p.to ? `${formatDate(p.to.opensAt, t)} – ${formatDate(p.to.closesAt, t)}` : '—') },
            ]}
          />
        </>
      )}
      {preview.departments.length > 0 && (
        <>
          <h3 className="card-title" style={{ margin: '8px 0' }}>{t('amend_byDepartment')}</h3>
          <Table<AmendedDepartment>
            rowKey="departmentId" size="small" dataSource={preview.departments} data-testid="amended-departments"
            pagination={preview.departments.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
            expandable={{ expandedRowRender: (department) => <DepartmentAssignments department={department} />, rowExpandable: () => true }}
            columns={[
              { title: t('preview_department'), dataIndex: 'name', key: 'name' },
              ...CHANGES.map(({ change, label }) => ({
                title: t(label), key: change, width: 110, align: 'right' as const,
                render: (_v: unknown, d: AmendedDepartment) => (d.counts[change] ? <Tag style={tagStyle(change)}>{d.counts[change]}</Tag> : <span style={{ color: 'rgba(0,0,0,0.6)' }}>0</span>),
              })),
            ]}
          />
        </>
      )}
      {preview.targets.length > 0 && <TargetChanges targets={preview.targets} />}
      {preview.otherChanges.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('amend_otherChanges', { keys: preview.otherChanges.join(', ') })}</Typography.Paragraph>
      )}
    </Card>
  );
}

/** Targets added, removed or changed, and for each the statuses judged again under the new terms. */
function TargetChanges({ targets }: { targets: AmendedTarget[] }) {
  const { t } = useI18n();
  const statusText = (target: AmendedTarget) => {
    if (target.change === 'removed') return <Typography.Text type="secondary">{t('amend_targetRemovedNote')}</Typography.Text>;
    if (target.statuses.length === 0) return <Typography.Text type="secondary">{t('amend_targetStatusesNone')}</Typography.Text>;
    return target.statuses.map((s) => (
      <div key={s.unitId ?? '*'} data-testid="target-rejudged">
        {s.unitId ?? t('amend_targetUnitPlanWide')}: {s.from ? t(`target_status_${s.from}`) : t('target_status_none')} → <Typography.Text strong>{t(`target_status_${s.to}`)}</Typography.Text>
      </div>
    ));
  };
  return (
    <>
      <h3 className="card-title" style={{ margin: '8px 0' }}>{t('amend_targetChanges')}</h3>
      <Table<AmendedTarget>
        rowKey="targetId" size="small" pagination={false} dataSource={targets} data-testid="amended-targets" style={{ marginBottom: 16 }}
        columns={[
          { title: t('target_metric'), dataIndex: 'metric', key: 'metric' },
          { title: t('amend_change'), key: 'change', width: 120, render: (_v, target) => <Tag data-change={target.change}>{t(`amend_targetChange_${target.change}`)}</Tag> },
          { title: t('amend_targetTerms'), key: 'terms', render: (_v, target) => (target.terms.length > 0 ? target.terms.map((term) => t(`amend_targetTerm_${term}`)).join(t('list_separator')) : '—') },
          { title: t('amend_targetStatuses'), key: 'statuses', render: (_v, target) => statusText(target) },
        ]}
      />
    </>
  );
}

function DepartmentAssignments({ department }: { department: AmendedDepartment }) {
  const { t } = useI18n();
  return (
    <Table<AmendedAssignment>
      rowKey="assignmentId" size="small" pagination={false} dataSource={department.assignments} data-testid={`department-${department.departmentId}`}
      columns={[
        { title: t('preview_task'), dataIndex: 'title', key: 'title' },
        { title: t('amend_change'), key: 'change', width: 140, render: (_v, a) => <ChangeTag change={a.change} /> },
        { title: t('amend_status'), key: 'status', width: 100, render: (_v, a) => t(`status_${a.status}`) },
        { title: t('preview_due'), key: 'due', width: 380, render: (_v, a) => <DueChange item={a} /> },
      ]}
    />
  );
}
