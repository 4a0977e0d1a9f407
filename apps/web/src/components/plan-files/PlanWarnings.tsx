import { Alert, Typography } from 'antd';
import type { PlanWarning } from '../../api/plan-files';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** The checker's warning codes with what they mean in Chinese; another code shows its message alone. */
const WARNING_HEADLINES: Record<string, MessageKey> = {
  'deadline-before-issue': 'warningCode_deadlineBeforeIssue',
  'holidays-not-covered': 'warningCode_holidaysNotCovered',
};

/**
 * What `planledger validate` warns of, as the service's check answered it: the plan is accepted as
 * it is, but probably not meant so. Each warning names where (file, line, path) and what the checker said.
 */
export function PlanWarnings({ warnings }: { warnings: PlanWarning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="plan-warnings"
      message={t('warnings_title', { count: warnings.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {warnings.map((w, index) => {
            const headline = WARNING_HEADLINES[w.code];
            return (
              <li key={index} data-testid="plan-warning">
                {headline && <Typography.Text strong>{t(headline)}</Typography.Text>}
                {headline && ' '}
                <Typography.Text type="secondary">
                  {w.line > 0 ? t('warnings_at', { file: w.file, line: w.line, path: w.path }) : t('warnings_wholePlan', { file: w.file })}
                </Typography.Text>
                <div><Typography.Text style={{ fontSize: 13 }}>{w.message}</Typography.Text></div>
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
