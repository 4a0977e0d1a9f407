import { Badge, Button, Dropdown, Layout, Result, Segmented, Space, Spin, Typography } from 'antd';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n, type Locale } from '../i18n/i18n';
import { en as enMessages, zhCN as zhMessages, type MessageKey } from '../i18n/messages';
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
/** The auditors' and admins' entries, by role (the server checks every route again: this only leaves out what would answer 403). */
function RoleNavigation({ roles }: { roles: string[] }) {
  const { t } = useI18n();
  const location = useLocation();
  const admin = roles.includes('admin');
  // The clock panel exists only under the virtual clock (demo): asked only by admins.
  const clock = useQuery({ queryKey: ['clock'], enabled: admin, queryFn: async () => unwrap(await api.GET('/admin/clock', {})), staleTime: 60_000 });
  const bureau = roles.some((role) => role === 'planner' || role === 'auditor' || admin);
  const departmentPerson = roles.some((role) => role === 'department_head' || role === 'department_member');
  const entries: { to: string; label: MessageKey; show: boolean; testId?: string; current?: (path: string) => boolean }[] = [
    { to: '/plans', label: 'nav_plans', show: bureau, current: (path) => path.startsWith('/plans') && path !== '/plans/import' },
    { to: '/overdue', label: 'nav_overdue', show: bureau || departmentPerson },
    { to: '/plans/import', label: 'nav_importPlan', show: roles.includes('planner') || admin, testId: 'nav-import-plan', current: (path) => path === '/plans/import' },
    { to: '/audit/events', label: 'nav_auditEvents', show: roles.includes('auditor') },
    { to: '/audit/verify', label: 'nav_auditVerify', show: roles.includes('auditor') },
    { to: '/audit/export', label: 'nav_auditExport', show: roles.includes('auditor') },
    { to: '/audit/sign-ins', label: 'nav_auditSignIns', show: roles.includes('auditor') || admin },
    { to: '/admin/people', label: 'nav_adminPeople', show: admin },
    { to: '/admin/clock', label: 'nav_adminClock', show: admin && clock.data?.virtual === true },
  ];
  return (
    <>
      {entries.filter((entry) => entry.show).map((entry) => {
        const active = entry.current ? entry.current(location.pathname) : location.pathname.startsWith(entry.to);
        return (
          <Link key={entry.to} to={entry.to} data-testid={entry.testId ?? `nav-${entry.to.slice(1).replace('/', '-')}`} aria-current={active ? 'page' : undefined} style={navStyle(active)}>
            {t(entry.label)}
          </Link>
        );
      })}
    </>
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
  const location = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #e8e8e8', padding: '0 24px' }}>
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: '#1f5fbf', whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Link>
        <nav aria-label={t('appName')} style={{ flex: 1, display: 'flex', alignItems: 'center', gap: 20, flexWrap: 'wrap' }}>
          <Link to="/" data-testid="nav-inbox" style={navStyle(location.pathname === '/')} aria-current={location.pathname === '/' ? 'page' : undefined}>
            <Space size={6}>
              <span>{t('nav_inbox')}</span>
              <Badge count={inbox.data?.counts.open ?? 0} overflowCount={999} title={t('header_openCount', { count: inbox.data?.counts.open ?? 0 })} data-testid="inbox-badge" />
            </Space>
          </Link>
          <RoleNavigation roles={person?.roles ?? []} />
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
