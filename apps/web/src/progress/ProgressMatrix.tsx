import { useState } from 'react';
import { Pagination, Segmented, Space, Spin, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { CellDrawer, type OpenCell } from './CellDrawer';
import { useMatrix, type MatrixAnswer, type MatrixRequest, type WorkState } from './progress-queries';
import { STATE_COLOURS, WORST_FIRST } from './state-colours';

const PAGE = 50;

/** The worst state a cell holds, and how many of the cell's work are in it. */
function worstOf(states: WorkState[], counts: number[]): { state: WorkState; count: number } | undefined {
  for (const state of WORST_FIRST) {
    const count = counts[states.indexOf(state)] ?? 0;
    if (count > 0) return { state, count };
  }
  return undefined;
}

/** The states' colours: as the matrix cells show them, or `filled` as bars and marks do. */
export function StateLegend({ states, filled = false }: { states: WorkState[]; filled?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={12} wrap data-testid="state-legend">
      {states.map((state) => (
        <span key={state} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 14, height: 14, borderRadius: 3, background: STATE_COLOURS[state][filled ? 'strong' : 'background'], border: `1px solid ${STATE_COLOURS[state].strong}` }} />
          <span>{t(`state_${state}`)}</span>
        </span>
      ))}
    </Space>
  );
}

/**
 * 进度矩阵: departments × measures (or × phases). Each cell takes the colour of the worst state of
 * its work and shows how many are in it; its label reads every count. One page of departments at
 * a time (the server sorts them, most overdue first); a cell opens the work behind it.
 */
export function ProgressMatrix({ planId }: { planId: string }) {
  const { t } = useI18n();
  const [request, setRequest] = useState<MatrixRequest>({ by: 'measure', sort: 'overdue', offset: 0, limit: PAGE });
  const [open, setOpen] = useState<OpenCell>();
  const matrix = useMatrix(planId, request);
  const data = matrix.data;
  const countsText = (m: MatrixAnswer, counts: number[]) =>
    m.states.map((state, i) => (counts[i] ? `${t(`state_${state}`)} ${counts[i]}` : '')).filter(Boolean).join(t('list_separator')) || '0';
  const columnName = (column: MatrixAnswer['columns'][number]) => column.name || t('matrix_noPhase');

  return (
    <div data-testid="matrix">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Segmented<MatrixRequest['by']>
            aria-label={t('matrix_by')}
            value={request.by}
            onChange={(by) => setRequest({ ...request, by, offset: 0 })}
            options={[{ value: 'measure', label: t('matrix_byMeasure') }, { value: 'phase', label: t('matrix_byPhase') }]}
            data-testid="matrix-by"
          />
          <Segmented<MatrixRequest['sort']>
            aria-label={t('matrix_sort')}
            value={request.sort}
            onChange={(sort) => setRequest({ ...request, sort, offset: 0 })}
            options={[{ value: 'overdue', label: t('matrix_sortOverdue') }, { value: 'department', label: t('matrix_sortDepartment') }]}
            data-testid="matrix-sort"
          />
        </Space>
        {data && <StateLegend states={data.states} />}
      </Space>
      {!data ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : (
        <>
          <div className="matrix-scroll" data-testid="matrix-ready">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col" className="matrix-corner">{t('matrix_department')}</th>
                  <th scope="col" className="matrix-head matrix-total-head">{t('matrix_total')}</th>
                  {data.columns.map((column) => (
                    <th scope="col" key={column.id} className={data.by === 'measure' ? 'matrix-head matrix-head-vertical' : 'matrix-head'} title={columnName(column)}>
                      {columnName(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.departmentId}>
                    <th scope="row" className="matrix-row-head" title={row.departmentId}>{row.name}</th>
                    <td className="matrix-total">
                      <MatrixCell states={data.states} counts={row.totals} label={t('matrix_cellText', { department: row.name, column: t('matrix_total'), counts: countsText(data, row.totals) })} />
                    </td>
                    {row.cells.map((counts, i) => {
                      const column = data.columns[i];
                      const label = t('matrix_cellText', { department: row.name, column: columnName(column), counts: countsText(data, counts) });
                      return (
                        <td key={column.id}>
                          <MatrixCell
                            states={data.states}
                            counts={counts}
                            label={label}
                            onOpen={() => setOpen({ departmentId: row.departmentId, departmentName: row.name, column: column.id, columnName: columnName(column), by: data.by, states: data.states, counts })}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary">{t('matrix_rows', { count: data.totalRows })}</Typography.Text>
            <Pagination
              size="small"
              current={Math.floor(request.offset / PAGE) + 1}
              pageSize={PAGE}
              total={data.totalRows}
              showSizeChanger={false}
              onChange={(page) => setRequest({ ...request, offset: (page - 1) * PAGE })}
            />
          </Space>
        </>
      )}
      <CellDrawer planId={planId} cell={open} onClose={() => setOpen(undefined)} />
    </div>
  );
}

function MatrixCell({ states, counts, label, onOpen }: { states: WorkState[]; counts: number[]; label: string; onOpen?: () => void }) {
  const worst = worstOf(states, counts);
  if (!worst) return <span className="matrix-cell matrix-cell-empty" />;
  const colours = STATE_COLOURS[worst.state];
  const style = { color: colours.text, background: colours.background };
  // The total column: the worst state's count out of all the department's work.
  if (!onOpen) return <span className="matrix-cell" style={style} title={label}>{`${worst.count}/${counts.reduce((a, b) => a + b, 0)}`}</span>;
  return (
    <button type="button" className="matrix-cell" style={style} title={label} aria-label={label} data-state={worst.state} data-testid="matrix-cell" onClick={onOpen}>
      {worst.count}
    </button>
  );
}
