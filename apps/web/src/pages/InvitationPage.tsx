import { useState } from 'react';
import { Alert, Button, Card, Form, Result, Spin, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { queryClient } from '../queries';
import { CenteredPage } from '../components/CenteredPage';
import { NewPasswordFields, PasswordRules, weakPasswordMessage } from '../components/NewPasswordFields';
import { formatInstant } from '../format';

const goneMessages: Record<string, MessageKey> = {
  invitation_used: 'invitation_used',
  invitation_expired: 'invitation_expired',
  invitation_revoked: 'invitation_revoked',
};

/** /app/invitations/:token — the link an administrator sends: set the first password, signed in at once. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: async () => unwrap(await api.GET('/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });

  if (invitation.isPending) return <Spin fullscreen tip={t('loading')} />;
  if (invitation.isError) {
    const error = invitation.error;
    const key = error instanceof ApiError ? (goneMessages[error.body.error ?? ''] ?? (error.status === 410 ? 'invitation_used' : 'invitation_unknown')) : 'error_text';
    return (
      <CenteredPage>
        <Result status="warning" title={t('invitation_title')} subTitle={<span data-testid="invitation-problem">{t(key)}</span>} />
      </CenteredPage>
    );
  }

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = unwrap(await api.POST('/invitations/{token}', { params: { path: { token } }, body: { password } }));
      queryClient.clear();
      queryClient.setQueryData(['session'], answer);
      navigate('/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.body.error === 'weak_password') setProblem(t(weakPasswordMessage(error.body.problem)));
      else if (error instanceof ApiError && goneMessages[error.body.error ?? '']) setProblem(t(goneMessages[error.body.error ?? '']));
      else setProblem(t('error_text'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredPage>
      <Card style={{ width: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('invitation_title')}
        </Typography.Title>
        <Typography.Paragraph>{t('invitation_for', { name: invitation.data.name, login: invitation.data.login })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('invitation_expiresAt', { at: formatInstant(invitation.data.expiresAt, t) })}</Typography.Paragraph>
        <PasswordRules />
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} data-testid="invitation-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <input type="text" name="username" autoComplete="username" value={invitation.data.login} readOnly hidden />
          <NewPasswordFields name="password" label="invitation_password" autoFocus />
          <Button type="primary" htmlType="submit" block loading={busy} icon={<CheckCircleOutlined />}>
            {t('invitation_submit')}
          </Button>
        </Form>
      </Card>
    </CenteredPage>
  );
}
