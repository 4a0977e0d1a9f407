import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { api, ApiError, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { NewPasswordFields, PasswordRules, weakPasswordMessage } from '../components/NewPasswordFields';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      unwrap(await api.POST('/session/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }));
      form.resetFields();
      void message.success(t('password_changed'));
    } catch (error) {
      if (error instanceof ApiError && error.body.error === 'wrong_password') setProblem(t('password_wrong'));
      else if (error instanceof ApiError && error.body.error === 'weak_password') setProblem(t(weakPasswordMessage(error.body.problem)));
      else setProblem(t('error_text'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('password_title')}
      </Typography.Title>
      <PasswordRules />
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('password_current')} name="currentPassword" rules={[{ required: true, message: t('signIn_passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="password_new" />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password_submit')}
        </Button>
      </Form>
    </Card>
  );
}
