import { Alert } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n, type Translate } from '../../i18n/i18n';

type Body = { error?: string; message?: string; status?: string; problems?: { path: string; message: string }[] };

/** The refusals these pages meet, said in the reader's language; the service's own (English) words follow as details. */
function explain(status: number, body: Body, t: Translate): string {
  if (body.problems?.some((p) => p.message.includes('changes nothing'))) return t('err_changesNothing');
  if (body.error === 'invalid_transition') return t('err_invalid_transition', { status: body.status ? t(`planStatus_${body.status as 'draft'}`) : '' });
  if (status === 404) return t('err_not_found');
  if (status === 403) return t('err_forbidden');
  if (status === 413) return t('err_payload_too_large', { message: body.message ?? '' });
  if (status === 503) return t('err_unavailable', { message: body.message ?? '' });
  if (body.problems?.length) return body.problems.map((p) => t('request_problem', { path: p.path, message: p.message })).join('; ');
  return body.message ?? t('error_text');
}

/** A refusal that is not a located plan problem (409, 404, 413, a bad envelope, an amendment that changes nothing). */
export function RequestFailure({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  const body: Body = error instanceof ApiError ? (error.body as Body) : {};
  const message = explain(status, body, t);
  const details = body.message && !message.includes(body.message) ? t('err_details', { message: body.message }) : undefined;
  return <Alert type="error" showIcon data-testid="request-failure" message={message} description={details} />;
}
