import type { IssuedCellCount, ScheduleTallies } from '@planledger/projections';
import { buildMatrix, countGrid, weeksBetween } from './progress-board';

const tallies = (byCell: ScheduleTallies['byCell']): ScheduleTallies => ({
  planId: 'p', version: 'v', title: 'P', timeZone: 'Asia/Shanghai', status: 'published', startsAt: '2021-08-31T16:00:00.000Z', endsAt: '2022-08-31T15:59:59.999Z',
  departments: [{ id: 'a', name: '甲校' }, { id: 'b', name: '乙校' }],
  measures: [{ id: 'm1', title: '举措一' }, { id: 'm2', title: '举措二' }],
  byCell, byDay: [],
});
const issued = (row: Partial<IssuedCellCount> & Pick<IssuedCellCount, 'departmentId' | 'measureId' | 'state' | 'count'>): IssuedCellCount => ({
  owedBy: row.departmentId, phaseId: 'y1', cancelled: false, ...row,
});
const request = { axis: 'measure' as const, sort: 'overdue' as const, offset: 0, limit: 10 };
// counts: accepted, on_time, due_soon, overdue, escalated, not_issued

describe('countGrid and buildMatrix', () => {
  it('given 3 owed by a and 1 issued overdue, then a holds 1 overdue and 2 not issued', () => {
    const schedule = tallies([{ departmentId: 'a', measureId: 'm1', phaseId: 'y1', count: 3 }]);
    const matrix = buildMatrix(schedule, [], countGrid(schedule, [issued({ departmentId: 'a', measureId: 'm1', state: 'overdue', count: 1 })], 'measure'), request, 'now');
    expect(matrix.rows).toEqual([{ departmentId: 'a', name: '甲校', totals: [0, 0, 0, 1, 0, 2], cells: [[0, 0, 0, 1, 0, 2], [0, 0, 0, 0, 0, 0]] }]);
  });

  it('given work reassigned from a to b, then b holds it and a no longer counts it as not issued', () => {
    const schedule = tallies([{ departmentId: 'a', measureId: 'm1', phaseId: 'y1', count: 1 }]);
    const grid = countGrid(schedule, [issued({ departmentId: 'b', owedBy: 'a', measureId: 'm1', state: 'on_time', count: 1 })], 'measure');
    const matrix = buildMatrix(schedule, [], grid, request, 'now');
    expect(matrix.rows.map((r) => [r.departmentId, r.totals])).toEqual([['b', [0, 1, 0, 0, 0, 0]]]);
  });

  it('given cancelled and waived work, then it is counted in no state, and cancelled work does not make owed work issued', () => {
    const schedule = tallies([{ departmentId: 'a', measureId: 'm2', phaseId: 'y1', count: 2 }]);
    const grid = countGrid(schedule, [
      issued({ departmentId: 'a', measureId: 'm2', state: null, cancelled: true, count: 1 }),
      issued({ departmentId: 'a', measureId: 'm2', state: null, count: 1 }), // waived: owed by the schedule, issued, owed by nobody now
    ], 'measure');
    expect(buildMatrix(schedule, [], grid, request, 'now').rows[0].totals).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('sorts the most overdue (and escalated) departments first, then by id, and pages them', () => {
    const schedule = tallies([]);
    const grid = countGrid(schedule, [
      issued({ departmentId: 'a', measureId: 'm1', state: 'overdue', count: 1 }),
      issued({ departmentId: 'b', measureId: 'm2', state: 'escalated', count: 2 }),
      issued({ departmentId: 'c', measureId: 'm2', state: 'accepted', count: 5 }),
    ], 'measure');
    expect(buildMatrix(schedule, [], grid, request, 'now').rows.map((r) => r.departmentId)).toEqual(['b', 'a', 'c']);
    expect(buildMatrix(schedule, [], grid, { ...request, sort: 'department' }, 'now').rows.map((r) => r.departmentId)).toEqual(['a', 'b', 'c']);
    const second = buildMatrix(schedule, [], grid, { ...request, offset: 1, limit: 1 }, 'now');
    expect([second.totalRows, second.rows.map((r) => r.departmentId)]).toEqual([3, ['a']]);
  });
});

describe('weeksBetween', () => {
  it('answers the Mondays in the plan\'s zone from the week of the start to the week of the end', () => {
    // 2021-09-01 00:00 in Shanghai is a Wednesday: its week starts on Monday 2021-08-30.
    expect(weeksBetween('2021-08-31T16:00:00.000Z', '2021-09-20T15:00:00.000Z', 'Asia/Shanghai')).toEqual(['2021-08-30', '2021-09-06', '2021-09-13', '2021-09-20']);
  });
});
