import ExcelJS from 'exceljs';
import { runLianyunThroughEngine } from '@planledger/audit/testing';
import { systemActor } from '@planledger/domain';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { progressCellAnswer, progressMatrixAnswer, progressOverdueAnswer, progressPlansAnswer, progressTimelineAnswer } from './progress-schemas';

/*
 * The planners' routes (issue 14) on real PGlite read models, filled by the engine running the
 * Lianyun plan: every count adds up to what the schedule owes, pages cover everything once, and
 * the roles see what their policy says.
 */

const PLAN = 'lianyun-2040';
let api: ApiTestApp;
let planner: Record<string, string>;
const get = (path: string, headers = planner) => call(api.url, 'GET', path, { headers });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const add = (a: number[], b: number[]) => a.map((n, i) => n + b[i]);

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  // Enough timers for issued work, reminders and overdue marks; five acknowledged.
  const issued = await runLianyunThroughEngine(api.executor, PLAN, { rebase: '2040-09-01', timers: 400, acknowledged: 5 });
  // Three pieces of work chased as the timers would: marked overdue, then escalated (督办) once.
  for (const assignmentId of issued.slice(5, 8)) {
    const target = { aggregate: 'assignment' as const, planId: PLAN, assignmentId };
    const metadata = { actor: systemActor, at: '2041-02-20T02:00:00.000Z' };
    await api.executor.execute(target, { type: 'MarkOverdue', data: { assignmentId }, metadata });
    const escalated = await api.executor.execute(target, { type: 'EscalateAssignment', data: { assignmentId, level: 1 }, metadata });
    expect(escalated.ok).toBe(true);
  }
  await api.project();
  api.clock.set(new Date('2041-03-01T02:00:00Z'));
}, 180_000);
afterAll(async () => {
  await api?.close();
});

async function planRow() {
  const answer = await get('/progress/plans');
  expect(answer.status).toBe(200);
  const parsed = progressPlansAnswer.parse(answer.body);
  return parsed.plans.find((p) => p.planId === PLAN)!;
}

/** Every matrix row, following the offsets. */
async function allRows(by: 'measure' | 'phase', limit: number) {
  const rows = [];
  let offset = 0;
  for (;;) {
    const page = await get(`/progress/plans/${PLAN}/matrix?by=${by}&limit=${limit}&offset=${offset}`);
    expect(page.status).toBe(200);
    const matrix = progressMatrixAnswer.parse(page.body);
    expect(matrix.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...matrix.rows);
    offset += limit;
    if (offset >= matrix.totalRows) return { rows, matrix };
  }
}

describe('GET /progress/plans', () => {
  it('given the plan, then its counts by state add up to what the schedule owes, as the plan summary counts it', async () => {
    const row = await planRow();
    const summary = (await get(`/plans/${PLAN}/summary`)).body.plan.progress;
    const owed = summary.total - (summary.byStatus.waived ?? 0) - (summary.byStatus.cancelled ?? 0);
    expect(row.total).toBe(owed);
    expect(sum(row.counts)).toBe(owed);
    expect(row.counts[5]).toBe(summary.notIssued);
    expect(row.counts[0]).toBe(summary.byStatus.accepted ?? 0);
    expect(row.status).toBe('published');
    expect(row.currentPhase).not.toBeNull();
  });

  it('given the roles, then planners, auditors and admins read it and a department head gets 403', async () => {
    for (const roles of [['auditor'], ['admin']] as const) expect((await get('/progress/plans', await api.authAs({ roles: [...roles] }))).status).toBe(200);
    const head = await api.authAs({ roles: ['department_head'], departments: ['lianyun-school-1'] });
    expect((await get('/progress/plans', head)).status).toBe(403);
    expect((await get(`/progress/plans/${PLAN}/matrix`, head)).status).toBe(403);
    expect((await get(`/progress/plans/${PLAN}/timeline`, head)).status).toBe(403);
  });
});

describe('GET /progress/plans/{id}/matrix and /cell', () => {
  it('given pages of 3 departments, then every department comes once, most overdue first, and the cells add up to the plan', async () => {
    const { rows, matrix } = await allRows('measure', 3);
    expect(new Set(rows.map((r) => r.departmentId)).size).toBe(rows.length);
    const lateness = rows.map((r) => r.totals[3] + r.totals[4]);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    const total = rows.reduce((acc, r) => add(acc, r.totals), [0, 0, 0, 0, 0, 0]);
    expect(total).toEqual((await planRow()).counts);
    expect(matrix.columns.reduce((acc, c) => add(acc, c.totals), [0, 0, 0, 0, 0, 0])).toEqual(total);
    for (const r of rows) expect(r.cells.reduce((acc, c) => add(acc, c), [0, 0, 0, 0, 0, 0])).toEqual(r.totals);
    const byPhase = await allRows('phase', 50);
    expect(byPhase.rows.reduce((acc, r) => add(acc, r.totals), [0, 0, 0, 0, 0, 0])).toEqual(total);
  });

  it('given a cell, then its list pages through exactly the work it counts, issued and not issued', async () => {
    const { rows, matrix } = await allRows('measure', 200);
    const row = rows.find((r) => r.cells.some((c) => c[5] > 0 && sum(c.slice(0, 5)) > 2))!;
    const column = row.cells.findIndex((c) => c[5] > 0 && sum(c.slice(0, 5)) > 2);
    const cell = row.cells[column];
    const base = `/progress/plans/${PLAN}/cell?department=${row.departmentId}&measure=${matrix.columns[column].id}&limit=2`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`${base}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const parsed = progressCellAnswer.parse(page.body);
      expect(parsed.total).toBe(sum(cell.slice(0, 5)));
      seen.push(...parsed.items.map((i) => i.assignmentId));
      for (const item of parsed.items) expect(item.ref).toBe(`${PLAN}.${item.assignmentId}`);
      cursor = parsed.page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(sum(cell.slice(0, 5)));
    const pending = progressCellAnswer.parse((await get(`${base.replace('limit=2', 'limit=200')}&state=not_issued`)).body);
    expect(pending.total).toBe(cell[5]);
    expect(pending.items.every((i) => i.ref === null && i.state === 'not_issued')).toBe(true);
    expect((await get(`${base}&cursor=not-a-cursor`)).body.problems).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });
});

describe('GET /progress/plans/{id}/timeline', () => {
  it('answers one mark per (day, measure), owing in all what the schedule owes', async () => {
    const answer = await get(`/progress/plans/${PLAN}/timeline`);
    expect(answer.status).toBe(200);
    const timeline = progressTimelineAnswer.parse(answer.body);
    const row = await planRow();
    expect(sum(timeline.marks.map((m) => m[2]))).toBeGreaterThanOrEqual(row.total);
    expect(new Set(timeline.marks.map((m) => `${m[0]} ${m[1]}`)).size).toBe(timeline.marks.length);
    expect(timeline.days).toEqual([...timeline.days].sort());
    expect(timeline.phases.length).toBeGreaterThan(0);
    expect((await get('/progress/plans/no-such-plan/timeline')).status).toBe(404);
  });
});

describe('GET /progress/plans/{id}/charts', () => {
  it('answers per phase the share accepted up to now and the share due over the whole span, and the most overdue departments', async () => {
    const answer = await get(`/progress/plans/${PLAN}/charts`);
    expect(answer.status).toBe(200);
    const { weeks, phases, overdueByDepartment } = answer.body;
    expect(weeks.length).toBeGreaterThan(100);
    for (const phase of phases) {
      expect(phase.due).toHaveLength(weeks.length);
      expect(phase.due[weeks.length - 1]).toBe(phase.total > 0 ? 100 : 0);
      expect(phase.accepted.length).toBeLessThan(weeks.length);
    }
    const late = overdueByDepartment.map((d: { overdue: number; escalated: number }) => d.overdue + d.escalated);
    expect(late).toEqual([...late].sort((a: number, b: number) => b - a));
    expect(late.length).toBeGreaterThan(0);
  });
});

describe('GET /progress/overdue and its export', () => {
  it('given pages of 4, then every overdue assignment comes once, oldest deadline first, with its escalation receiver', async () => {
    const items = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/progress/overdue?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const parsed = progressOverdueAnswer.parse(page.body);
      expect(parsed.items.length).toBeLessThanOrEqual(4);
      items.push(...parsed.items);
      cursor = parsed.page.nextCursor;
    } while (cursor);
    expect(items.length).toBeGreaterThan(4);
    expect(new Set(items.map((i) => i.ref)).size).toBe(items.length);
    const due = items.map((i) => Date.parse(i.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    const row = await planRow();
    expect(items.length).toBe(row.counts[3] + row.counts[4]);
    for (const item of items) expect(item.escalatedTo === null).toBe(item.escalationLevel === 0);
    const escalated = items.filter((i) => i.escalationLevel > 0);
    expect(escalated.length).toBe(row.counts[4]);
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.every((i) => i.escalatedToName !== null && i.escalatedToName !== '')).toBe(true);
  });

  it('given a department head, then only their departments\' work is listed, the same as a planner filtering by them', async () => {
    const everything = progressOverdueAnswer.parse((await get('/progress/overdue?limit=200')).body);
    const department = everything.items[0].departmentId;
    const head = await api.authAs({ roles: ['department_head'], departments: [department] });
    const theirs = progressOverdueAnswer.parse((await get('/progress/overdue?limit=200', head)).body);
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((i) => i.departmentId === department)).toBe(true);
    expect(theirs).toEqual(progressOverdueAnswer.parse((await get(`/progress/overdue?limit=200&department=${department}`)).body));
    expect(theirs.total).toBeLessThan(everything.total);
  });

  it('exports the same list as an xlsx workbook that exceljs opens', async () => {
    const listed = progressOverdueAnswer.parse((await get('/progress/overdue?limit=200&minLevel=0')).body);
    const response = await fetch(`${api.url}/progress/overdue/export?minLevel=0`, { headers: planner });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount - 1).toBe(listed.total);
    expect(sheet.getRow(2).getCell(10).value).toBe(listed.items[0].ref);
  });
});
