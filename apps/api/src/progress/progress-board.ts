import { DateTime } from 'luxon';
import {
  emptyCounts, stateIndex, WORK_STATES,
  type IssuedCellCount, type IssuedDayCount, type PhaseRow, type ScheduleTallies, type WorkStateCounts,
} from '@planledger/projections';
import type { ProgressChartsAnswer, ProgressMatrixAnswer, ProgressTimelineAnswer } from './progress-schemas';

/*
 * The planners' pages from counts (pure): the schedule's tallies say what is owed, the issued
 * counts say where the issued work stands; what is owed and not issued is the difference.
 */

const NOT_ISSUED = stateIndex('not_issued');
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NO_PHASE = '';

export type Axis = 'measure' | 'phase';

interface Grid {
  /** department → column key → counts */
  cells: Map<string, Map<string, WorkStateCounts>>;
}

function cellOf(grid: Grid, departmentId: string, key: string): WorkStateCounts {
  let row = grid.cells.get(departmentId);
  if (!row) grid.cells.set(departmentId, (row = new Map()));
  let cell = row.get(key);
  if (!cell) row.set(key, (cell = emptyCounts()));
  return cell;
}

/** Counts per (department, measure or phase): issued work where it is held now, the rest where the schedule owes it. */
export function countGrid(tallies: ScheduleTallies, issued: readonly IssuedCellCount[], axis: Axis): Grid {
  const grid: Grid = { cells: new Map() };
  const keyOf = (row: { measureId: string; phaseId: string | null }) => (axis === 'measure' ? row.measureId : (row.phaseId ?? NO_PHASE));
  const owed = new Map<string, number>(); // `${department}\u0000${key}` → obligations not yet matched by an issued assignment
  for (const row of tallies.byCell) {
    const id = `${row.departmentId}\u0000${keyOf(row)}`;
    owed.set(id, (owed.get(id) ?? 0) + row.count);
  }
  for (const row of issued) {
    if (!row.cancelled) {
      const id = `${row.owedBy}\u0000${keyOf(row)}`;
      if (owed.has(id)) owed.set(id, owed.get(id)! - row.count);
    }
    if (row.state) cellOf(grid, row.departmentId, keyOf(row))[stateIndex(row.state)] += row.count;
  }
  for (const [id, left] of owed) {
    if (left <= 0) continue;
    const [departmentId, key] = id.split('\u0000');
    cellOf(grid, departmentId, key)[NOT_ISSUED] += left;
  }
  return grid;
}

const add = (into: WorkStateCounts, counts: WorkStateCounts) => counts.forEach((n, i) => (into[i] += n));
const lateness = (counts: readonly number[]) => counts[stateIndex('overdue')] + counts[stateIndex('escalated')];

export interface MatrixRequest {
  axis: Axis;
  sort: 'overdue' | 'department';
  offset: number;
  limit: number;
}

/** The matrix page: every column, one page of department rows (most overdue first, or by id). */
export function buildMatrix(tallies: ScheduleTallies, phases: readonly PhaseRow[], grid: Grid, request: MatrixRequest, now: string): ProgressMatrixAnswer {
  const columns: { id: string; name: string }[] = request.axis === 'measure'
    ? tallies.measures.map((m) => ({ id: m.id, name: m.title }))
    : phases.map((p) => ({ id: p.phaseId, name: p.name }));
  if (request.axis === 'phase' && [...grid.cells.values()].some((row) => row.has(NO_PHASE))) columns.push({ id: NO_PHASE, name: '' });
  const names = new Map(tallies.departments.map((d) => [d.id, d.name]));
  const rows = [...grid.cells.entries()].map(([departmentId, row]) => {
    const cells = columns.map((column) => row.get(column.id) ?? emptyCounts());
    const totals = emptyCounts();
    for (const cell of cells) add(totals, cell);
    return { departmentId, name: names.get(departmentId) ?? departmentId, totals, cells };
  });
  rows.sort((a, b) => (request.sort === 'overdue' ? lateness(b.totals) - lateness(a.totals) : 0) || byteOrder(a.departmentId, b.departmentId));
  const columnTotals = columns.map((_, i) => {
    const totals = emptyCounts();
    for (const row of rows) add(totals, row.cells[i]);
    return totals;
  });
  return {
    planId: tallies.planId, now, by: request.axis, states: [...WORK_STATES],
    columns: columns.map((column, i) => ({ ...column, totals: columnTotals[i] })),
    totalRows: rows.length, offset: request.offset, limit: request.limit,
    rows: rows.slice(request.offset, request.offset + request.limit),
  };
}

/** Phases as bars, deadlines as one mark per (day, measure) with its counts. */
export function buildTimeline(tallies: ScheduleTallies, phases: readonly PhaseRow[], issued: readonly IssuedDayCount[], now: string): ProgressTimelineAnswer {
  const measureIndex = new Map(tallies.measures.map((m, i) => [m.id, i]));
  const measures = [...tallies.measures];
  const marks = new Map<string, { day: string; measure: number; owed: number; issued: number; accepted: number; late: number; soon: number }>();
  const markOf = (day: string, measureId: string) => {
    if (!measureIndex.has(measureId)) {
      measureIndex.set(measureId, measures.length);
      measures.push({ id: measureId, title: measureId });
    }
    const id = `${day} ${measureId}`;
    let mark = marks.get(id);
    if (!mark) marks.set(id, (mark = { day, measure: measureIndex.get(measureId)!, owed: 0, issued: 0, accepted: 0, late: 0, soon: 0 }));
    return mark;
  };
  for (const row of tallies.byDay) markOf(row.day, row.measureId).owed += row.count;
  for (const row of issued) {
    if (!row.state) continue;
    const mark = markOf(row.day, row.measureId);
    mark.issued += row.count;
    if (row.state === 'accepted') mark.accepted += row.count;
    if (row.state === 'overdue' || row.state === 'escalated') mark.late += row.count;
    if (row.state === 'due_soon') mark.soon += row.count;
  }
  const days = [...new Set([...marks.values()].map((m) => m.day))].sort();
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  return {
    planId: tallies.planId, title: tallies.title, timeZone: tallies.timeZone, status: tallies.status,
    startsAt: tallies.startsAt, endsAt: tallies.endsAt, now,
    phases: phases.map(({ phaseId, name, kind, order, status, opensAt, closesAt, opensAfter }) => ({ phaseId, name, kind, order, status, opensAt, closesAt, ...(opensAfter !== undefined ? { opensAfter } : {}) })),
    measures,
    days,
    marks: [...marks.values()]
      .sort((a, b) => a.day.localeCompare(b.day) || a.measure - b.measure)
      .map((m) => [dayIndex.get(m.day)!, m.measure, Math.max(m.owed, m.issued), m.accepted, m.late, m.soon]),
  };
}

/** Mondays (plan's zone) from the week of `from` to the week of `to`. */
export function weeksBetween(from: string, to: string, zone: string): string[] {
  const weeks: string[] = [];
  let week = DateTime.fromISO(from, { zone }).startOf('week');
  const end = DateTime.fromISO(to, { zone });
  while (week <= end && weeks.length < 1000) {
    weeks.push(week.toISODate()!);
    week = week.plus({ weeks: 1 });
  }
  return weeks;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * Progress over time per phase (share accepted by the end of each week, beside the share due by
 * then: the gap is the backlog) and the departments with most overdue work.
 */
export function buildCharts(
  tallies: ScheduleTallies, phases: readonly PhaseRow[], accepted: readonly { phaseId: string | null; week: string; count: number }[],
  byDepartment: ProgressMatrixAnswer, now: string,
): ProgressChartsAnswer {
  const weeks = weeksBetween(tallies.startsAt, tallies.endsAt, tallies.timeZone);
  const thisWeek = DateTime.fromISO(now, { zone: tallies.timeZone }).startOf('week').toISODate()!;
  const weekOfDay = (day: string) => DateTime.fromISO(day, { zone: tallies.timeZone }).startOf('week').toISODate()!;
  return {
    planId: tallies.planId, now, weeks,
    phases: phases.map((phase) => {
      const total = tallies.byCell.filter((c) => c.phaseId === phase.phaseId).reduce((sum, c) => sum + c.count, 0);
      const duePerWeek = new Map<string, number>();
      for (const row of tallies.byDay) if (row.phaseId === phase.phaseId) duePerWeek.set(weekOfDay(row.day), (duePerWeek.get(weekOfDay(row.day)) ?? 0) + row.count);
      const acceptedPerWeek = new Map<string, number>();
      for (const row of accepted) if (row.phaseId === phase.phaseId) acceptedPerWeek.set(row.week, (acceptedPerWeek.get(row.week) ?? 0) + row.count);
      let due = 0;
      let done = 0;
      const dueShares: number[] = [];
      const acceptedShares: number[] = [];
      for (const week of weeks) {
        due += duePerWeek.get(week) ?? 0;
        done += acceptedPerWeek.get(week) ?? 0;
        dueShares.push(percent(due, total));
        if (week <= thisWeek) acceptedShares.push(percent(done, total));
      }
      return { phaseId: phase.phaseId, name: phase.name, total, accepted: acceptedShares, due: dueShares };
    }),
    overdueByDepartment: byDepartment.rows
      .filter((row) => lateness(row.totals) > 0)
      .slice(0, 15)
      .map((row) => ({ departmentId: row.departmentId, name: row.name, overdue: row.totals[stateIndex('overdue')], escalated: row.totals[stateIndex('escalated')] })),
  };
}
