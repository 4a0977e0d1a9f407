import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../api/client';

const BackToInbox = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')} data-testid="back-to-inbox">
      {t('detail_back')}
    </Button>
  );
};

/** What a person sees instead of data outside their departments (the server answered 403). */
export function ForbiddenPage() {
  const { t } = useI18n();
  return <Result status="403" title={<h1 style={{ fontSize: 24, margin: 0 }} data-testid="forbidden">{t('forbidden_title')}</h1>} subTitle={t('forbidden_text')} extra={<BackToInbox />} />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title={<h1 style={{ fontSize: 24, margin: 0 }} data-testid="not-found">{t('notFound_title')}</h1>} subTitle={t('notFound_text')} extra={<BackToInbox />} />;
}

export function ErrorPage() {
  const { t } = useI18n();
  return <Result status="500" title={t('error_title')} subTitle={t('error_text')} extra={<BackToInbox />} />;
}

/** A page whose data could not be read: 无权访问 when the server said 403, else the error page. */
export function FailedPage({ error }: { error: unknown }) {
  return error instanceof ApiError && error.status === 403 ? <ForbiddenPage /> : <ErrorPage />;
}
