import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatInstant } from '../../format';
import { queryClient } from '../../queries';
import { FailedPage } from '../ResultPages';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Person = Json<paths['/admin/people']['get']['responses'][200]>['people'][number];
type Role = Person['roles'][number];
const ROLES: Role[] = ['planner', 'auditor', 'admin', 'department_head', 'department_member'];

// Dark text on a pale ground (WCAG AA at tag size), like StatusTag: antd's preset colours are too light.
const ACTIVE = { color: '#1e6b0a', background: '#eefbe7', borderColor: '#1e6b0a' };
const REVOKED = { color: '#a8071a', background: '#fff1f0', borderColor: '#a8071a' };

interface InviteValues { id?: string; name: string; roles: Role[]; departments?: string[] }

/** The link to hand over, with a copy button: shown once after an invitation is made. */
function InvitationLink({ name, url }: { name: string; url: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      data-testid="invitation-link"
      title={t('people_link', { name })}
      description={<Typography.Text copyable={{ tooltips: [t('people_copy'), t('people_copied')] }} code style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>}
    />
  );
}

/** /app/admin/people — 人员: invite (shows the invitation link), roles and departments, a new link, revoke. */
export function PeoplePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [revoking, setRevoking] = useState<Person | null>(null);
  const [reason, setReason] = useState('');
  const people = useQuery({ queryKey: ['people'], queryFn: async () => unwrap(await api.GET('/admin/people', {})) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['people'] });
  const failed = (error: Error) => void message.error(error.message);

  const invite = useMutation({
    mutationFn: async (values: InviteValues) =>
      unwrap(await api.POST('/admin/people', { body: { ...(values.id?.trim() && { id: values.id.trim() }), name: values.name, roles: values.roles, departments: values.departments ?? [] } as never })),
    onSuccess: (answer) => {
      setLink({ name: answer.person.name, url: answer.invitationUrl });
      form.resetFields();
      void refresh();
    },
    onError: failed,
  });
  const reinvite = useMutation({
    mutationFn: async (person: Person) => ({ person, answer: unwrap(await api.POST('/admin/people/{id}/invitations', { params: { path: { id: person.personId } } })) }),
    onSuccess: ({ person, answer }) => setLink({ name: person.name, url: answer.invitationUrl }),
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: async (person: Person) => unwrap(await api.POST('/admin/people/{id}/revoke', { params: { path: { id: person.personId } }, body: reason.trim() ? { reason: reason.trim() } : {} })),
    onSuccess: () => {
      setRevoking(null);
      setReason('');
      void refresh();
    },
    onError: failed,
  });

  if (people.isError) return <FailedPage error={people.error} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('people_title')}</Typography.Title>
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('people_invite')}</Typography.Title>}>
        <Form form={form} layout="inline" onFinish={(values) => invite.mutate(values)} style={{ rowGap: 12 }}>
          <Form.Item name="id" label={t('people_id')} tooltip={t('people_idHelp')} rules={[{ pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, message: t('people_idHelp') }]}>
            <Input style={{ width: 170 }} data-testid="invite-id" />
          </Form.Item>
          <Form.Item name="name" label={t('people_name')} rules={[{ required: true, whitespace: true, message: t('people_name') }]}>
            <Input style={{ width: 150 }} data-testid="invite-name" />
          </Form.Item>
          <Form.Item name="roles" label={t('people_roles')} rules={[{ required: true, message: t('people_roles') }]}>
            <Select mode="multiple" style={{ minWidth: 200 }} options={ROLES.map((role) => ({ value: role, label: t(`role_${role}` as MessageKey) }))} data-testid="invite-roles" aria-label={t('people_roles')} />
          </Form.Item>
          <Form.Item name="departments" label={t('people_departments')} tooltip={t('people_departmentsHelp')}>
            <Select mode="tags" style={{ minWidth: 200 }} tokenSeparators={[',', ' ']} open={false} suffixIcon={null} data-testid="invite-departments" aria-label={t('people_departments')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={invite.isPending} data-testid="invite-submit">{t('people_send')}</Button>
          </Form.Item>
        </Form>
      </Card>
      {link && <InvitationLink name={link.name} url={link.url} />}
      <Table<Person>
        size="small"
        rowKey="personId"
        loading={people.isFetching}
        dataSource={people.data?.people ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="people"
        columns={[
          { title: t('people_name'), key: 'name', render: (_v, p) => <span>{p.name}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.personId}</Typography.Text></span> },
          { title: t('people_roles'), key: 'roles', render: (_v, p) => p.roles.map((role) => <Tag key={role}>{t(`role_${role}` as MessageKey)}</Tag>) },
          { title: t('people_departments'), key: 'departments', render: (_v, p) => (p.departments.length ? p.departments.join(', ') : '—') },
          {
            title: t('people_status'), key: 'status', width: 150,
            render: (_v, p) => (p.revokedAt ? <Tag style={REVOKED}>{t('people_revoked')}</Tag> : <Space size={4} direction="vertical"><Tag style={ACTIVE}>{t('people_active')}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.passwordSetAt ? t('people_passwordSet') : t('people_noPassword')}</Typography.Text></Space>),
          },
          { title: t('people_registeredAt'), key: 'registeredAt', width: 200, render: (_v, p) => formatInstant(p.registeredAt, t) },
          {
            title: t('people_actions'), key: 'actions', width: 210,
            render: (_v, p) =>
              p.revokedAt ? null : (
                <Space>
                  <Button size="small" onClick={() => reinvite.mutate(p)} data-testid={`reinvite-${p.personId}`}>{t('people_linkNew')}</Button>
                  <Button size="small" danger onClick={() => setRevoking(p)} data-testid={`revoke-${p.personId}`}>{t('people_revoke')}</Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title={revoking ? t('people_revokeConfirm', { name: revoking.name }) : ''}
        okText={t('people_revoke')}
        okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'revoke-confirm' } as never}
        onOk={() => revoking && revoke.mutate(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('people_revokeReason')} aria-label={t('people_revokeReason')} rows={2} />
      </Modal>
    </Space>
  );
}
