import { Alert } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** A refusal that is not a located plan problem (409, 404, 413, a bad envelope): the service's own words, and each request problem with its path. */
export function RequestFailure({ error }: { error: unknown }) {
  const { t } = useI18n();
  const body = error instanceof ApiError ? (error.body as { message?: string; problems?: { path: string; message: string }[] }) : undefined;
  const problems = body?.problems ?? [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="request-failure"
      message={body?.message ?? (problems.length ? problems.map((p) => t('request_problem', { path: p.path, message: p.message })).join('; ') : t('error_text'))}
      description={body?.message && problems.length ? problems.map((p) => t('request_problem', { path: p.path, message: p.message })).join('; ') : undefined}
    />
  );
}
