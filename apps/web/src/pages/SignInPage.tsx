import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { queryClient, sessionState } from '../queries';
import { CenteredPage } from '../components/CenteredPage';

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('reason');
  const notice = reason === 'expired' ? t('signIn_expired') : reason === 'signed-out' ? t('signIn_signedOut') : null;

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = unwrap(await api.POST('/session', { body: values }));
      sessionState.expired = false;
      queryClient.clear();
      queryClient.setQueryData(['session'], answer);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 423) {
        setProblem(t('signIn_locked', { until: error.body.lockedUntil ? dayjs(error.body.lockedUntil).format('HH:mm') : '' }));
      } else if (error instanceof ApiError && error.status === 429) {
        setProblem(t('signIn_rateLimited', { seconds: error.retryAfter ?? 60 }));
      } else if (error instanceof ApiError && error.status === 401) {
        setProblem(t('signIn_failed'));
      } else {
        setProblem(t('error_text'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredPage>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('signIn_title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn_subtitle')}</Typography.Paragraph>
        {notice && !problem && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="sign-in-notice" />}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" data-testid="sign-in-problem" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn_login')} name="login" rules={[{ required: true, message: t('signIn_loginRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('signIn_password')} name="password" rules={[{ required: true, message: t('signIn_passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn_submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('signIn_forgot')}
        </Typography.Paragraph>
      </Card>
    </CenteredPage>
  );
}
