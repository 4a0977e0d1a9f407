import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Col, List, Row, Tag, Typography } from 'antd';
import type { PlanProblem } from '../../api/plan-files';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';

/** The plan checker's stable problem codes (PlanErrorCode) with a Chinese headline; other codes show the message alone. */
const PROBLEM_HEADLINES: Record<string, MessageKey> = {
  'yaml-syntax': 'problemCode_yamlSyntax',
  'wrong-type': 'problemCode_wrongType',
  'missing-key': 'problemCode_missingKey',
  'unknown-key': 'problemCode_unknownKey',
  'invalid-value': 'problemCode_invalidValue',
  'dangling-reference': 'problemCode_danglingReference',
  'duplicate-id': 'problemCode_duplicateId',
  'overlapping-phases': 'problemCode_overlappingPhases',
  'phase-outside-span': 'problemCode_phaseOutsideSpan',
  'deadline-outside-span': 'problemCode_deadlineOutsideSpan',
  'window-reversed': 'problemCode_windowReversed',
  'span-reversed': 'problemCode_spanReversed',
  'empty-responsibility': 'problemCode_emptyResponsibility',
  'missing-liaison': 'problemCode_missingLiaison',
  'departments-file': 'problemCode_departmentsFile',
};

export interface SourceFile {
  name: string;
  text: string;
}

/** The file a problem is in: the plan's own name, else the file whose name ends its path (the departments file). */
const fileOf = (problem: PlanProblem, files: SourceFile[]): SourceFile | undefined =>
  files.find((f) => f.name === problem.file) ?? files.find((f) => f.name && (problem.file.endsWith(`/${f.name}`) || f.name.endsWith(`/${problem.file}`))) ?? files[0];

/** A read-only, numbered view of one file with the problems' lines marked and the chosen one highlighted. */
function SourceView({ file, marked, selected, column }: { file: SourceFile; marked: Set<number>; selected: number | undefined; column: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll the box only (not the page) so that the chosen line sits in its middle.
    const line = selected === undefined ? null : box.current?.querySelector<HTMLElement>(`[data-line="${selected}"]`);
    if (box.current && line) box.current.scrollTop = Math.max(0, line.offsetTop - box.current.clientHeight / 2);
  }, [file, selected]);
  const lines = file.text.split('\n');
  return (
    <div
      ref={box}
      role="region"
      aria-label={t('problems_source', { file: file.name })}
      tabIndex={0}
      data-testid="source-view"
      style={{ maxHeight: 460, overflow: 'auto', position: 'relative', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fbfbfd', fontFamily: 'ui-monospace, "Noto Sans Mono CJK SC", Menlo, Consolas, monospace', fontSize: 13, lineHeight: '20px' }}
    >
      {lines.map((text, index) => {
        const number = index + 1;
        const isSelected = number === selected;
        const isMarked = marked.has(number);
        return (
          <div
            key={number}
            data-line={number}
            data-testid={isSelected ? 'selected-line' : isMarked ? 'marked-line' : undefined}
            aria-current={isSelected ? 'true' : undefined}
            style={{
              display: 'flex', whiteSpace: 'pre',
              background: isSelected ? '#ffd8d6' : isMarked ? '#fff1f0' : undefined,
              boxShadow: isSelected ? 'inset 3px 0 0 #c4161c' : isMarked ? 'inset 3px 0 0 #f08a8d' : undefined,
            }}
          >
            <span aria-hidden="true" style={{ flex: '0 0 52px', textAlign: 'right', paddingRight: 12, color: isSelected ? '#8c0d12' : 'rgba(0,0,0,0.6)', userSelect: 'none', fontWeight: isSelected ? 600 : undefined }}>
              {number}
            </span>
            <span style={{ paddingRight: 12 }}>{isSelected ? <MarkedColumn text={text} column={column} /> : text || ' '}</span>
          </div>
        );
      })}
    </div>
  );
}

/** The line with the value the problem's column points at underlined (up to the next space, comma or bracket). */
function MarkedColumn({ text, column }: { text: string; column: number }) {
  const start = Math.min(Math.max(column - 1, 0), text.length);
  const end = start + Math.max(1, /^[^\s,\]}]*/.exec(text.slice(start))![0].length);
  if (start >= text.length) return <>{text || ' '}</>;
  return (
    <>
      {text.slice(0, start)}
      <mark data-testid="marked-column" style={{ background: 'transparent', color: '#8c0d12', fontWeight: 600, textDecoration: 'underline wavy #c4161c', textUnderlineOffset: 3 }}>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}

/**
 * Every problem of a definition with its message, location (file:line:column) and JSON path;
 * beside them the file itself with the problems' lines marked. Choosing a problem shows its file
 * and scrolls to its line.
 */
export function PlanProblems({ problems, unlisted, files }: { problems: PlanProblem[]; unlisted: number; files: SourceFile[] }) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState(0);
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setChosen(0);
    // A new answer: bring the problems into view (they appear below the tall text box).
    card.current?.scrollIntoView({ block: 'start' });
  }, [problems]);
  const current = problems[chosen] ?? problems[0];
  const file = current ? fileOf(current, files) : files[0];
  const marked = new Set(problems.filter((p) => p.line > 0 && file && fileOf(p, files) === file).map((p) => p.line));
  return (
    <Card size="small" data-testid="plan-problems" ref={card} style={{ scrollMarginTop: 8 }}>
      <Alert
        type="error"
        showIcon
        message={t('problems_title', { count: problems.length + unlisted })}
        description={unlisted > 0 ? t('problems_unlisted', { count: unlisted }) : undefined}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <List
            size="small"
            bordered
            dataSource={problems}
            style={{ maxHeight: 460, overflow: 'auto' }}
            renderItem={(problem, index) => (
              <List.Item
                data-testid="plan-problem"
                style={{ display: 'block', background: index === chosen ? '#fff1f0' : undefined }}
              >
                <button
                  type="button"
                  onClick={() => setChosen(index)}
                  aria-pressed={index === chosen}
                  aria-label={problem.line > 0 ? t('problems_goTo', { line: problem.line }) : undefined}
                  style={{ all: 'unset', display: 'block', width: '100%', cursor: 'pointer' }}
                >
                  {locale === 'zh-CN' && PROBLEM_HEADLINES[problem.code] ? (
                    <>
                      <Typography.Text style={{ display: 'block', fontWeight: 500 }} data-testid="problem-headline">{t(PROBLEM_HEADLINES[problem.code])}</Typography.Text>
                      <Typography.Text style={{ display: 'block', fontSize: 13 }} lang="en">{problem.message}</Typography.Text>
                    </>
                  ) : (
                    <Typography.Text style={{ display: 'block', fontWeight: 500 }}>{problem.message}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} data-testid="problem-location">
                    {problem.line > 0 ? t('problems_location', { file: problem.file, line: problem.line, column: problem.column }) : t('problems_noLine', { file: problem.file })}
                  </Typography.Text>
                  {problem.path && (
                    <span style={{ fontSize: 13 }}>
                      <Typography.Text type="secondary">{t('problems_path')} </Typography.Text>
                      <Tag style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', marginInlineEnd: 0, color: '#333' }} data-testid="problem-path">{problem.path}</Tag>
                    </span>
                  )}
                </button>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} lg={14}>
          {file && (
            <>
              <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 6 }}>
                <Typography.Text strong data-testid="source-file">{t('problems_source', { file: file.name })}</Typography.Text>
                <Typography.Text type="secondary">{t('problems_sourceHint')}</Typography.Text>
              </div>
              <SourceView file={file} marked={marked} selected={current && current.line > 0 ? current.line : undefined} column={current?.column ?? 0} />
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}
