import { Badge, Button, Dropdown, Layout, Result, Segmented, Space, Spin, Typography } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useI18n, type Locale } from '../i18n/i18n';
import { en as enMessages, zhCN as zhMessages } from '../i18n/messages';
import { queryClient, sessionState, useInbox, useSession } from '../queries';

/** Pages behind a session: without one, the sign-in page (with where to come back to). */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.isPending) return <Spin fullscreen tip={t('loading')} />;
  if (session.isError) return <Result status="500" title={t('error_title')} subTitle={t('error_text')} />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    const reason = sessionState.expired ? '&reason=expired' : '';
    return <Navigate to={`/sign-in?next=${next}${reason}`} replace />;
  }
  return <Outlet />;
}

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('switchLanguage')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{zhName}</span> },
        { value: 'en', label: <span lang="en">{enName}</span> },
      ]}
    />
  );
}
// Each language is named in itself, whichever is chosen.
const zhName = zhMessages.languageName;
const enName = enMessages.languageName;

/** The page one is on reads as such in the menu (weight and underline, not colour alone). */
// An explicit colour: antd's lighter hover colour would fail contrast on the link just clicked.
const navStyle = (current: boolean) => (current ? { color: '#1f5fbf', fontWeight: 600, borderBottom: '2px solid #1f5fbf', paddingBottom: 2 } : { color: '#1f5fbf', paddingBottom: 4 });

export function AppLayout() {
  const { t } = useI18n();
  const session = useSession();
  const inbox = useInbox();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.DELETE('/session');
    sessionState.expired = false;
    queryClient.clear();
    navigate('/sign-in?reason=signed-out', { replace: true });
  };
  const person = session.data?.person;
  const mayImport = person?.roles.some((role) => role === 'planner' || role === 'admin') ?? false;
  const location = useLocation();
  const bureau = person?.roles.some((role) => role === 'planner' || role === 'auditor' || role === 'admin') ?? false;
  const departmentPerson = person?.roles.some((role) => role === 'department_head' || role === 'department_member') ?? false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #e8e8e8', padding: '0 24px' }}>
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: '#1f5fbf', whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Link>
        <nav aria-label={t('appName')} style={{ flex: 1, display: 'flex', gap: 24 }}>
          <Link to="/" data-testid="nav-inbox" style={navStyle(location.pathname === '/')}>
            <Space size={6}>
              <span>{t('nav_inbox')}</span>
              <Badge count={inbox.data?.counts.open ?? 0} overflowCount={999} title={t('header_openCount', { count: inbox.data?.counts.open ?? 0 })} data-testid="inbox-badge" />
            </Space>
          </Link>
          {/* Shown by role; the server decides what each route answers whatever the menu shows. */}
          {bureau && (
            <Link to="/plans" data-testid="nav-plans" style={navStyle(location.pathname.startsWith('/plans') && location.pathname !== '/plans/import')}>
              {t('nav_plans')}
            </Link>
          )}
          {(bureau || departmentPerson) && (
            <Link to="/overdue" data-testid="nav-overdue" style={navStyle(location.pathname.startsWith('/overdue'))}>
              {t('nav_overdue')}
            </Link>
          )}
          {mayImport && <Link to="/plans/import" data-testid="nav-import-plan" style={navStyle(location.pathname === '/plans/import')}>{t('nav_importPlan')}</Link>}
        </nav>
        <LanguageSwitch />
        <Dropdown
          menu={{
            items: [
              { key: 'password', label: <Link to="/password">{t('nav_changePassword')}</Link> },
              { key: 'sign-out', label: <span data-testid="sign-out">{t('nav_signOut')}</span>, onClick: () => void signOut() },
            ],
          }}
        >
          <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
            <Typography.Text>{person?.name}</Typography.Text> <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 24px', maxWidth: 1320, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
