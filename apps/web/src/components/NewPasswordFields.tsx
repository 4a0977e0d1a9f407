import { Alert, Form, Input } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** The server's weak_password problem as the sentence the person reads. */
export function weakPasswordMessage(problem: string | undefined): MessageKey {
  switch (problem) {
    case 'too_short': return 'weak_too_short';
    case 'too_long': return 'weak_too_long';
    case 'common': return 'weak_common';
    case 'contains_login': return 'weak_contains_login';
    case 'unchanged': return 'weak_unchanged';
    default: return 'weak_common';
  }
}

/** The password rules, shown before someone types rather than after the server refuses. */
export function PasswordRules() {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      title={t('invitation_rules')}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li>{t('invitation_rule_length')}</li>
          <li>{t('invitation_rule_common')}</li>
          <li>{t('invitation_rule_login')}</li>
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * A new password typed twice. The length rule mirrors the server's minimum so the common
 * mistake is caught before a round trip; the server still decides (common, contains login).
 */
export function NewPasswordFields({ name, label, autoFocus }: { name: string; label: MessageKey; autoFocus?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item label={t(label)} name={name} rules={[{ required: true, min: 10, message: t('weak_too_short') }]}>
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item
        label={t('invitation_confirm')}
        name="confirm"
        dependencies={[name]}
        rules={[
          { required: true, message: t('invitation_mismatch') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) => (value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t('invitation_mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
