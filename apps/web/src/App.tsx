import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider, useI18n } from './i18n/i18n';
import { queryClient } from './queries';
import { AppLayout, RequireSession } from './components/AppLayout';
import { SignInPage } from './pages/SignInPage';
import { InboxPage } from './pages/InboxPage';
import { ForbiddenPage, NotFoundPage } from './pages/ResultPages';

// Sign-in and 我的待办 (the first pages) are in the initial bundle; the others load on first visit
// (issue 11: the cold load of 我的待办 fetches only what it shows).
const InvitationPage = lazy(() => import('./pages/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const AssignmentPage = lazy(() => import('./pages/AssignmentPage').then((m) => ({ default: m.AssignmentPage })));
const ImportPlanPage = lazy(() => import('./pages/ImportPlanPage').then((m) => ({ default: m.ImportPlanPage })));
const AmendPlanPage = lazy(() => import('./pages/AmendPlanPage').then((m) => ({ default: m.AmendPlanPage })));
// The planners' pages (issue 14): ECharts comes with them, in their own chunks.
const PlansPage = lazy(() => import('./progress/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./progress/PlanPage').then((m) => ({ default: m.PlanPage })));
const OverduePage = lazy(() => import('./progress/OverduePage').then((m) => ({ default: m.OverduePage })));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
// Auditors' and admins' pages: each its own chunk, fetched on first visit only.
const EventLogPage = lazy(() => import('./pages/audit/EventLogPage').then((m) => ({ default: m.EventLogPage })));
const VerifyPage = lazy(() => import('./pages/audit/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const ExportPage = lazy(() => import('./pages/audit/ExportPage').then((m) => ({ default: m.ExportPage })));
const SignInsPage = lazy(() => import('./pages/audit/SignInsPage').then((m) => ({ default: m.SignInsPage })));
const DepartmentPage = lazy(() => import('./pages/audit/DepartmentPage').then((m) => ({ default: m.DepartmentPage })));
const PeoplePage = lazy(() => import('./pages/admin/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const ClockPage = lazy(() => import('./pages/admin/ClockPage').then((m) => ({ default: m.ClockPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{children}</Suspense>;
}

/**
 * Routes live under /app (docs/decisions/0007-web-app.md): the API keeps the root paths, and the
 * api serves index.html for every /app/* path, so a deep link survives a reload.
 */
// Colours chosen for contrast (WCAG AA, checked by axe-core in the browser tests): antd's default
// secondary greys, warning orange and error red are too light for small text on white.
const THEME = {
  colorPrimary: '#1f5fbf',
  colorLink: '#1f5fbf',
  // antd lightens links under the pointer (#689dd9: 2.8:1 on white); darken instead.
  colorLinkHover: '#174a94',
  colorLinkActive: '#123b76',
  // No animations: pages settle at once (and screenshots show them settled).
  motion: false,
  colorError: '#c4161c',
  colorWarning: '#a35200',
  colorSuccess: '#237804',
  colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
  fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
};

function Themed() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCNLocale}
      theme={{ token: THEME }}
    >
      <AntApp>
        <BrowserRouter basename="/app">
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/invitations/:token" element={<Loading><InvitationPage /></Loading>} />
            <Route element={<RequireSession />}>
              <Route element={<AppLayout />}>
                <Route index element={<InboxPage />} />
                <Route path="/inbox" element={<Navigate to="/" replace />} />
                <Route path="/assignments/:id" element={<Loading><AssignmentPage /></Loading>} />
                <Route path="/plans/import" element={<Loading><ImportPlanPage /></Loading>} />
                <Route path="/plans/:planId/amend" element={<Loading><AmendPlanPage /></Loading>} />
                <Route path="/plans" element={<Loading><PlansPage /></Loading>} />
                <Route path="/plans/:planId" element={<Loading><PlanPage /></Loading>} />
                <Route path="/overdue" element={<Loading><OverduePage /></Loading>} />
                <Route path="/password" element={<Loading><ChangePasswordPage /></Loading>} />
                <Route path="/audit/events" element={<Loading><EventLogPage /></Loading>} />
                <Route path="/audit/verify" element={<Loading><VerifyPage /></Loading>} />
                <Route path="/audit/export" element={<Loading><ExportPage /></Loading>} />
                <Route path="/audit/sign-ins" element={<Loading><SignInsPage /></Loading>} />
                <Route path="/audit/departments/:id" element={<Loading><DepartmentPage /></Loading>} />
                <Route path="/admin/people" element={<Loading><PeoplePage /></Loading>} />
                <Route path="/admin/clock" element={<Loading><ClockPage /></Loading>} />
                <Route path="/forbidden" element={<ForbiddenPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
