import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Space, Spin, Typography } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { planProblemsOf, sourceFilesOf, type PlanFiles, type PlanWarning } from '../../api/plan-files';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { PlanProblems } from './PlanProblems';
import { PlanSourceInput } from './PlanSourceInput';
import { PlanWarnings } from './PlanWarnings';
import { RequestFailure } from './RequestFailure';

interface PlanCheckProps<T extends { warnings?: PlanWarning[] }> {
  files: PlanFiles;
  onChange: (next: PlanFiles) => void;
  /** The server's dry run (import preview or amendment preview): its problems are located in the files. */
  preview: UseMutationResult<T, Error, PlanFiles>;
  checkLabel: MessageKey;
  checkingLabel: MessageKey;
  checkTestId: string;
  /** What the page shows once the dry run succeeded. */
  children: (result: T) => ReactNode;
}

/**
 * The check step shared by 导入计划 and 修订计划: the source, the check button, every problem at its
 * line, or the result below (brought into view: it appears under the tall text box) headed by the
 * checker's warnings.
 */
export function PlanCheck<T extends { warnings?: PlanWarning[] }>({ files, onChange, preview, checkLabel, checkingLabel, checkTestId, children }: PlanCheckProps<T>) {
  const { t } = useI18n();
  const problems = planProblemsOf(preview.error);
  const results = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (preview.data) results.current?.scrollIntoView({ block: 'start' });
  }, [preview.data]);
  return (
    <>
      <PlanSourceInput value={files} onChange={onChange} />
      <Space>
        <Button type="primary" onClick={() => preview.mutate(files)} loading={preview.isPending} disabled={!files.plan.text.trim()} data-testid={checkTestId}>
          {t(checkLabel)}
        </Button>
        {preview.isPending && <Typography.Text type="secondary">{t(checkingLabel)}</Typography.Text>}
      </Space>
      {problems && <PlanProblems problems={problems.problems} unlisted={problems.unlisted} files={sourceFilesOf(files)} />}
      {preview.isError && !problems && <RequestFailure error={preview.error} />}
      {preview.isPending && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {preview.data && (
        <div ref={results} style={{ display: 'flex', flexDirection: 'column', gap: 16, scrollMarginTop: 8 }}>
          <PlanWarnings warnings={preview.data.warnings ?? []} />
          {children(preview.data)}
        </div>
      )}
    </>
  );
}
