import type { ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './AppLayout';

/** The pages before a session: sign-in and invitations, centred, with the language switch. */
export function CenteredPage({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '16px 24px' }}>
        <Typography.Text strong style={{ fontSize: 18, color: '#1f5fbf' }}>
          {t('appName')}
        </Typography.Text>
        <LanguageSwitch />
      </header>
      <main style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: '8vh' }}>{children}</main>
    </Layout>
  );
}
