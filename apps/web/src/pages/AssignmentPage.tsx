import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type ActionName, type AssignmentDetail, type HistoryItem } from '../api/client';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey, Messages } from '../i18n/messages';
import { zhCN } from '../i18n/messages';
import { queryClient, useAssignment, useInbox } from '../queries';
import { RectificationFinding } from '../progress/PlanFindings';
import { EscalationTag, StatusTag } from '../components/StatusTag';
import { AttachmentList } from '../components/Attachments';
import { FileUpload, uploadedFiles } from '../components/FileUpload';
import { countdown, formatInstant } from '../format';
import { ErrorPage, ForbiddenPage, NotFoundPage } from './ResultPages';
import { AsOfBanner, AsOfPicker, useAsOf, useCanReplay } from '../components/AsOf';

type ActionBody = Record<string, unknown>;

function eventLabel(type: string, t: Translate): string {
  const key = `event_${type}` as MessageKey;
  return key in zhCN ? t(key) : t('event_other');
}

const actorName = (item: HistoryItem, t: Translate) => (item.actor.userId === 'system' || item.actor.name === 'system' ? t('actor_system') : item.actor.name);

const eventColour = (type: string) =>
  type === 'AssignmentReturned' || type === 'AssignmentOverdue' || type === 'AssignmentEscalated' ? 'red' : type === 'AssignmentAccepted' || type === 'AssignmentReviewPassed' ? 'green' : type === 'AssignmentSubmitted' ? 'purple' : 'blue';

/** /app/assignments/:id — what is asked, where the work stands, its history, and what the person may do now. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const replay = useAsOf();
  const canReplay = useCanReplay();
  const assignment = useAssignment(id, replay.asOf, replay.basis);
  const inbox = useInbox();
  const [busy, setBusy] = useState<ActionName | null>(null);

  if (assignment.isPending) return <Spin tip={t('loading')} style={{ display: 'block', marginTop: 80 }}><div /></Spin>;
  if (assignment.isError) {
    const error = assignment.error;
    if (error instanceof ApiError && error.status === 403) return <ForbiddenPage />;
    // Replayed before the assignment existed: say so, and keep the way to another moment.
    if (replay.asOf && error instanceof ApiError && error.status === 404) {
      return (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <AsOfPicker />
          <Alert type="info" showIcon title={t('asOf_notYet')} data-testid="as-of-not-yet" />
        </Space>
      );
    }
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
    return <ErrorPage />;
  }
  const detail = assignment.data;
  // A finding's rectification (ADR 0024): its page shows the finding it answers.
  const isRectification = detail?.measureId.startsWith('rectify-') ?? false;

  const act = async (name: ActionName, body: ActionBody = {}): Promise<boolean> => {
    setBusy(name);
    try {
      const path = `/assignments/{id}/${name}` as '/assignments/{id}/submit';
      unwrap(await api.POST(path, { params: { path: { id } }, body: body as never }));
      void message.success(t('detail_done'));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const status = error.body.status as AssignmentDetail['status'] | undefined;
        modal.warning({ title: t('detail_conflict', { status: status ? t(`status_${status}`) : '' }), okText: t('retry') });
      } else if (error instanceof ApiError && error.status === 403) {
        void message.error(t('forbidden_text'));
      } else {
        void message.error(t('detail_refused', { message: error instanceof Error ? error.message : '' }));
      }
      return false;
    } finally {
      setBusy(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['assignment', id] }),
        queryClient.invalidateQueries({ queryKey: ['inbox'] }),
      ]);
    }
  };

  const allowed = new Set(detail.allowedActions);
  const reviewing = detail.status === 'submitted' && (allowed.has('accept') || allowed.has('return'));
  // Replayed, "how long is left" is judged at that moment.
  const now = detail.asOf?.instant ?? inbox.data?.now;
  // A standing duty (常态化, period "standing") has no deadline: no date, no countdown.
  const standing = detail.periodKey === 'standing';
  const left = now && !standing && !['accepted', 'waived', 'cancelled'].includes(detail.status) ? countdown(detail.dueAt, now, t) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/">
        <ArrowLeftOutlined /> {t('detail_back')}
      </Link>
      {canReplay && <AsOfPicker />}
      {detail.asOf && <AsOfBanner asOf={detail.asOf} />}
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }} data-testid="measure-title">
          {detail.measureTitle}
        </Typography.Title>
        <StatusTag status={detail.status} />
        {detail.overdue && <Tag color="error">{t('overdue_tag')}</Tag>}
        {detail.escalationLevel > 0 && <EscalationTag level={detail.escalationLevel} />}
      </div>
      <Row gutter={16}>
        <Col span={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={<h2 className="card-title">{t('detail_asked')}</h2>}>
              {detail.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.description}</Typography.Paragraph>}
              {detail.sourceText && detail.sourceText.from === 'source' ? (
                <blockquote style={{ margin: 0, padding: '8px 12px', borderLeft: '4px solid #1f5fbf', background: '#f5f8fd' }} data-testid="source-text">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('detail_sourceText')}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: 0 }}>{detail.sourceText.text}</Typography.Paragraph>
                </blockquote>
              ) : (
                !detail.description && !isRectification && <Typography.Text type="secondary">{t('detail_noDescription')}</Typography.Text>
              )}
              {isRectification && <RectificationFinding planId={detail.planId} assignmentId={detail.assignmentId} />}
            </Card>
            {reviewing && <ReviewPanel detail={detail} busy={busy} act={act} />}
            <ActionsCard detail={detail} busy={busy} act={act} reviewing={reviewing} />
            <Card size="small" title={<h2 className="card-title">{t('detail_history')}</h2>} data-testid="history">
              <Timeline
                items={detail.history.map((item) => ({
                  color: eventColour(item.type),
                  children: <HistoryEntry item={item} />,
                }))}
              />
            </Card>
          </Space>
        </Col>
        <Col span={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions column={1} size="small" labelStyle={{ width: 96 }}>
                <Descriptions.Item label={t('detail_plan')}>{detail.planTitle}</Descriptions.Item>
                <Descriptions.Item label={t('detail_department')}>{detail.departmentName}</Descriptions.Item>
                {detail.role && (
                  <Descriptions.Item label={t('detail_roleHolders', { role: detail.role.roleName })}>
                    <span data-testid="role-holders">
                      {detail.role.people.length > 0 ? (
                        <>
                          {detail.role.people.map((person) => <Tag key={person.personId} color="blue">{person.name}</Tag>)}
                          {detail.role.since && <Typography.Text type="secondary">{t('role_since', { at: formatInstant(detail.role.since, t) })}</Typography.Text>}
                        </>
                      ) : (
                        <>
                          <Tag>{t('role_unnamed')}</Tag>
                          <Typography.Text type="secondary">{t('role_unnamedHint', { unit: detail.departmentName })}</Typography.Text>
                        </>
                      )}
                    </span>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('detail_period')}>{detail.periodKey === 'once' ? t('period_once') : standing ? t('group_standing') : detail.periodKey}</Descriptions.Item>
                <Descriptions.Item label={t('detail_issuedAt')}>{formatInstant(detail.issuedAt, t)}</Descriptions.Item>
                <Descriptions.Item label={t('detail_dueAt')}>
                  <span data-testid="due-at">{standing ? t('due_standing') : formatInstant(detail.dueAt, t)}</span>
                  {left && (
                    <Typography.Text type={left.tone === 'overdue' ? 'danger' : left.tone === 'soon' ? 'warning' : undefined} style={{ marginLeft: 8 }}>
                      {left.text}
                    </Typography.Text>
                  )}
                </Descriptions.Item>
                {detail.requiredCount > 0 && (
                  <Descriptions.Item label={t('detail_reports')}>{t('detail_reportsValue', { done: detail.progressCount, required: detail.requiredCount })}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card size="small" title={<h2 className="card-title">{t('detail_chain')}</h2>} data-testid="review-chain">
              <ReviewChain detail={detail} />
            </Card>
            <Card size="small" title={<h2 className="card-title">{t('detail_attachments')}</h2>}>
              {detail.attachments.length ? <AttachmentList items={detail.attachments} /> : <Typography.Text type="secondary">{t('detail_noAttachments')}</Typography.Text>}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function HistoryEntry({ item }: { item: HistoryItem }) {
  const { t } = useI18n();
  return (
    <div data-testid="history-entry" data-type={item.type}>
      <Typography.Text strong>{eventLabel(item.type, t)}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {actorName(item, t)}
        {item.actor.departmentName ? ` · ${item.actor.departmentName}` : ''} · {formatInstant(item.at, t)}
      </Typography.Text>
      {item.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t('history_note', { text: item.note })}</div>}
      {item.reason && <div style={{ whiteSpace: 'pre-wrap', color: '#a8071a' }}>{t('history_reason', { text: item.reason })}</div>}
      {item.attachments.length > 0 && <AttachmentList items={item.attachments} />}
    </div>
  );
}

/** The department doing the work, then each reviewer and the receiving office, with where the work stands. */
function ReviewChain({ detail }: { detail: AssignmentDetail }) {
  const { t } = useI18n();
  const accepted = detail.status === 'accepted';
  const submitted = detail.status === 'submitted';
  const stepStatus = (state: 'pending' | 'current' | 'passed') => (accepted || state === 'passed' ? 'finish' : state === 'current' ? 'process' : 'wait');
  const stateText = (state: 'pending' | 'current' | 'passed') => (accepted || state === 'passed' ? t('detail_chainDone') : state === 'current' ? t('detail_chainCurrent') : t('detail_chainWaiting'));
  return (
    <Steps
      direction="vertical"
      size="small"
      items={[
        {
          title: t('detail_chainHolder', { name: detail.departmentName }),
          status: submitted || accepted ? 'finish' : 'process',
          description: <StatusTag status={detail.status} />,
        },
        ...detail.reviewChain.steps.map((step) => ({
          title: step.departmentName,
          status: stepStatus(step.state) as 'finish' | 'process' | 'wait',
          description: `${step.role === 'reviewer' ? t('detail_chainReviewer') : t('detail_chainReceiver')} · ${stateText(step.state)}`,
        })),
      ]}
    />
  );
}

interface ActionProps {
  detail: AssignmentDetail;
  busy: ActionName | null;
  act: (name: ActionName, body?: ActionBody) => Promise<boolean>;
}

/** 待我审核: the submission (note and files) beside the decision, accept or return in one step. */
function ReviewPanel({ detail, busy, act }: ActionProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment?: string }>();
  const submission = [...detail.history].reverse().find((item) => item.type === 'AssignmentSubmitted');
  const decide = async (name: 'accept' | 'return') => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim() ?? '';
    if (name === 'return') {
      try {
        await form.validateFields();
      } catch {
        return;
      }
    }
    const ok = await act(name, name === 'return' ? { reason: comment } : comment ? { note: comment } : {});
    if (ok) form.resetFields();
  };
  return (
    <Card size="small" title={<h2 className="card-title">{t('review_title')}</h2>} data-testid="review-panel" style={{ borderColor: '#9254de' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('review_submission')}</Typography.Text>
          {submission ? (
            <div data-testid="review-submission">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('review_submittedAt', { at: formatInstant(submission.at, t) })} · {actorName(submission, t)}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{submission.note || t('review_noNote')}</Typography.Paragraph>
              <AttachmentList items={submission.attachments} />
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Col>
        <Col span={12}>
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item
              label={t('form_reviewNote')}
              name="comment"
              extra={t('form_reviewHint')}
              rules={[{ validator: (_rule, value?: string) => (value?.trim() ? Promise.resolve() : Promise.reject(new Error(t('form_reasonRequired')))) }]}
              validateTrigger={[]}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="review-comment" />
            </Form.Item>
            <Space>
              {detail.allowedActions.includes('accept') && (
                <Button type="primary" loading={busy === 'accept'} onClick={() => void decide('accept')} data-testid="action-accept">
                  {t('action_accept')}
                </Button>
              )}
              {detail.allowedActions.includes('return') && (
                <Button danger loading={busy === 'return'} onClick={() => void decide('return')} data-testid="action-return">
                  {t('action_return')}
                </Button>
              )}
            </Space>
          </Form>
        </Col>
      </Row>
    </Card>
  );
}

/** Only the actions the server allows this person now (allowedActions): never a button that would be refused. */
function ActionsCard({ detail, busy, act, reviewing }: ActionProps & { reviewing: boolean }) {
  const { t } = useI18n();
  const allowed = detail.allowedActions.filter((name) => !(reviewing && (name === 'accept' || name === 'return')) && name !== 'waive');
  const [open, setOpen] = useState<ActionName | null>(null);
  if (allowed.length === 0) {
    if (reviewing) return null;
    return (
      <Card size="small" title={<h2 className="card-title">{t('detail_actions')}</h2>}>
        <Typography.Text type="secondary" data-testid="no-actions">
          {t('detail_noActions')}
        </Typography.Text>
      </Card>
    );
  }
  const withForm: ActionName[] = ['progress', 'submit', 'reassign', 'return', 'accept'];
  const current = open && allowed.includes(open) ? open : allowed.includes('submit') ? 'submit' : null;
  return (
    <Card size="small" title={<h2 className="card-title">{t('detail_actions')}</h2>} data-testid="actions">
      <Space wrap style={{ marginBottom: current ? 16 : 0 }}>
        {allowed.map((name) =>
          withForm.includes(name) ? (
            <Button key={name} type={current === name ? 'primary' : 'default'} ghost={current === name} onClick={() => setOpen(name)} data-testid={`open-${name}`}>
              {t(`action_${name}` as keyof Messages)}
            </Button>
          ) : (
            <Button key={name} loading={busy === name} onClick={() => void act(name)} data-testid={`action-${name}`}>
              {t(`action_${name}` as keyof Messages)}
            </Button>
          ),
        )}
      </Space>
      {current === 'submit' && <NoteAndFilesForm key="submit" name="submit" detail={detail} busy={busy} act={act} />}
      {current === 'progress' && <NoteAndFilesForm key="progress" name="progress" detail={detail} busy={busy} act={act} />}
      {current === 'reassign' && <ReassignForm detail={detail} busy={busy} act={act} />}
      {current === 'return' && <ReasonForm detail={detail} busy={busy} act={act} />}
      {current === 'accept' && (
        <Button type="primary" loading={busy === 'accept'} onClick={() => void act('accept')} data-testid="action-accept">
          {t('action_accept')}
        </Button>
      )}
    </Card>
  );
}

function NoteAndFilesForm({ name, detail, busy, act }: ActionProps & { name: 'submit' | 'progress' }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  // A reporting assignment's submission carries its target's value (ADR 0023).
  const reports = name === 'submit' ? detail.reports ?? null : null;
  const finish = async (values: { note?: string; count?: number; files?: Parameters<typeof uploadedFiles>[0]; value?: number | string }) => {
    const attachments = uploadedFiles(values.files);
    const value = reports === null || values.value === undefined ? undefined : reports.kind === 'pass-fail' ? values.value === 'true' : values.value;
    const body: ActionBody = {
      ...(value !== undefined && { value }),
      ...(values.note?.trim() && { note: values.note.trim() }),
      ...(name === 'progress' && values.count && values.count > 1 && { count: values.count }),
      ...(attachments.length && { attachments }),
    };
    if (await act(name, body)) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" onFinish={finish} requiredMark={false} data-testid={`form-${name}`}>
      {reports && (
        <Form.Item label={t('target_value_label')} name="value" extra={t('target_value_help', { metric: reports.metric, period: reports.period })} rules={[{ required: true, message: t('target_value_required') }]}>
          {reports.kind === 'pass-fail' ? (
            <Select data-testid="submit-value" options={[{ value: 'true', label: t('target_passed') }, { value: 'false', label: t('target_not_passed') }]} style={{ maxWidth: 240 }} />
          ) : reports.kind === 'grade' ? (
            <Select data-testid="submit-value" options={(reports.levels ?? []).map((level) => ({ value: level, label: level }))} style={{ maxWidth: 240 }} />
          ) : (
            <InputNumber data-testid="submit-value" addonAfter={reports.unit} style={{ maxWidth: 240 }} />
          )}
        </Form.Item>
      )}
      <Form.Item label={t('form_note')} name="note" rules={name === 'progress' ? [{ required: true, whitespace: true, message: t('form_progressRequired') }] : []}>
        <Input.TextArea rows={3} maxLength={10_000} placeholder={t('form_notePlaceholder')} data-testid={`${name}-note`} />
      </Form.Item>
      {name === 'progress' && detail.requiredCount > 1 && (
        <Form.Item label={t('detail_reports')} name="count">
          <InputNumber min={1} max={detail.requiredCount} />
        </Form.Item>
      )}
      <Form.Item label={t('form_files')} name="files" extra={t('form_filesHint')} valuePropName="value">
        <FileUpload assignmentId={detail.ref} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === name} data-testid={`action-${name}`}>
        {t(`action_${name}`)}
      </Button>
    </Form>
  );
}

function ReasonForm({ busy, act }: ActionProps) {
  const { t } = useI18n();
  return (
    <Form layout="vertical" onFinish={(values: { reason: string }) => void act('return', { reason: values.reason.trim() })} requiredMark={false}>
      <Form.Item label={t('form_reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('form_reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button danger htmlType="submit" loading={busy === 'return'}>
        {t('action_return')}
      </Button>
    </Form>
  );
}

function ReassignForm({ detail, busy, act }: ActionProps) {
  const { t } = useI18n();
  const departments = useQuery({
    queryKey: ['departments', detail.planId],
    queryFn: async () => unwrap(await api.GET('/departments', { params: { query: { planId: detail.planId } } })),
  });
  return (
    <Form
      layout="vertical"
      onFinish={(values: { toDepartmentId: string; reason: string }) => void act('reassign', { toDepartmentId: values.toDepartmentId, reason: values.reason.trim() })}
      requiredMark={false}
    >
      <Form.Item label={t('form_reassignTo')} name="toDepartmentId" rules={[{ required: true, message: t('form_reassignToRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={departments.isPending}
          options={(departments.data?.departments ?? []).filter((d) => d.departmentId !== detail.departmentId).map((d) => ({ value: d.departmentId, label: d.name }))}
        />
      </Form.Item>
      <Form.Item label={t('form_reassignReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('form_reassignReasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === 'reassign'}>
        {t('action_reassign')}
      </Button>
    </Form>
  );
}


