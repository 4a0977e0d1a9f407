import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { EscalationTag } from '../components/StatusTag';
import { formatInstant } from '../format';
import { useI18n } from '../i18n/i18n';
import { useCell, type CellAnswer, type WorkState } from './progress-queries';
import { STATE_COLOURS } from './state-colours';

export interface OpenCell {
  departmentId: string;
  departmentName: string;
  /** A measure id or a phase id ('' for work in no phase). */
  column: string;
  columnName: string;
  by: 'measure' | 'phase';
  states: WorkState[];
  counts: number[];
}

type Item = CellAnswer['items'][number];

export function StateTag({ state }: { state: WorkState }) {
  const { t } = useI18n();
  const colours = STATE_COLOURS[state];
  return <Tag style={{ color: colours.text, background: colours.background, borderColor: colours.strong }}>{t(`state_${state}`)}</Tag>;
}

/** The work behind a matrix cell, by state, page by page; issued work links to its assignment page. */
export function CellDrawer({ planId, cell, onClose }: { planId: string; cell: OpenCell | undefined; onClose(): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<WorkState | 'all'>('all');
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => {
    // A new cell starts on its worst state with work in it, first page.
    setCursors([]);
    setState('all');
  }, [cell]);
  const request = cell && {
    department: cell.departmentId,
    ...(cell.by === 'measure' ? { measure: cell.column } : cell.column ? { phase: cell.column } : {}),
    ...(state !== 'all' && { state }),
    ...(cursors.length > 0 && { cursor: cursors[cursors.length - 1] }),
  };
  const list = useCell(planId, request);
  const data = list.data;
  const columns: ColumnsType<Item> = [
    {
      title: t('cell_measure'),
      key: 'title',
      render: (_v, item) => (item.ref ? <Link to={`/assignments/${encodeURIComponent(item.ref)}`} data-testid="cell-assignment-link">{item.title}</Link> : item.title),
    },
    { title: t('cell_period'), key: 'period', width: 100, render: (_v, item) => (item.periodKey === 'once' ? t('period_once') : item.periodKey) },
    { title: t('cell_due'), key: 'due', width: 210, render: (_v, item) => formatInstant(item.dueAt, t) },
    { title: t('cell_state'), key: 'state', width: 100, render: (_v, item) => <StateTag state={item.state} /> },
    { title: t('cell_escalation'), key: 'escalation', width: 90, render: (_v, item) => <EscalationTag level={item.escalationLevel} /> },
  ];
  const withWork = cell ? cell.states.filter((_s, i) => cell.counts[i] > 0) : [];
  // 'all' lists issued work; a cell with only work not issued yet opens on that.
  const shownState = state === 'all' && withWork.length === 1 && withWork[0] === 'not_issued' ? 'not_issued' : state;
  useEffect(() => {
    if (shownState !== state) setState(shownState);
  }, [shownState, state]);

  return (
    <Drawer
      open={cell !== undefined}
      onClose={onClose}
      size="large"
      title={cell ? `${cell.departmentName} · ${cell.columnName}` : ''}
      data-testid="cell-drawer"
    >
      {cell && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Segmented<WorkState | 'all'>
            aria-label={t('cell_state')}
            value={state}
            onChange={(next) => {
              setState(next);
              setCursors([]);
            }}
            options={[
              { value: 'all', label: t('cell_all') },
              ...withWork.map((s) => ({ value: s, label: `${t(`state_${s}`)} ${cell.counts[cell.states.indexOf(s)]}` })),
            ]}
          />
          {state === 'not_issued' && <Alert type="info" showIcon title={t('cell_notIssuedHint')} />}
          <Table<Item>
            size="small"
            rowKey={(item) => item.assignmentId}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            pagination={false}
            data-testid="cell-list"
          />
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary">{data ? t('cell_count', { count: data.total }) : ''}</Typography.Text>
            <Space>
              <Button size="small" disabled={cursors.length === 0} onClick={() => setCursors([])}>{t('page_first')}</Button>
              <Button size="small" disabled={!data?.page.nextCursor} onClick={() => data?.page.nextCursor && setCursors([...cursors, data.page.nextCursor])}>{t('page_next')}</Button>
            </Space>
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
