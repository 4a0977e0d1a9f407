import ExcelJS from 'exceljs';
import type { AssessmentRubric } from '@planledger/domain';
import { knownHistory } from '@planledger/bulletins/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/*
 * GET /plans/{id}/assessment over the known history (libs/bulletins/src/testing/known-history.ts)
 * with a plain rubric: base 100, +2 on time, −1 late, −3 overdue, −2 escalated, −1 per return.
 * Mobilisation phase as of 2022-03-15: 丙小学 102 (m6 on time), 甲小学 100 (+2 −1 −1),
 * 乙小学 97 (+2 −3 −2); commend the first.
 */
const rubric: AssessmentRubric = {
  periods: 'phase', base: 100, commend: { top: 1 },
  rules: { acceptedOnTime: { points: 2 }, acceptedLate: { points: -1 }, overdue: { points: -3 }, escalated: { points: -2 }, returned: { points: -1 } },
};

let api: ApiTestApp;
let planner: Record<string, string>;
let head: Record<string, string>;

beforeAll(async () => {
  api = await startApiTestApp({ now: new Date('2022-03-16T02:00:00Z') });
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  head = await api.authAs({ subject: 'li.head', roles: ['department_head'], departments: ['school-a'] });
  for (const { target, command } of knownHistory({ assessment: rubric }).steps) {
    const result = await api.executor.execute(target, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
  }
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const path = `/plans/${PLAN_ID}/assessment`;

describe('the assessment over HTTP', () => {
  it('given a planner, then the ranking is the hand-computed one, each unit with its items', async () => {
    const response = await call(api.url, 'GET', `${path}?asOf=2022-03-15&asOfBasis=business`, { headers: planner });
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ kind: 'phase', phaseId: 'mobilise', name: '动员阶段' });
    expect(response.body.units.map((u: { rank: number; unitId: string; score: number; commended: boolean }) => [u.rank, u.unitId, u.score, u.commended])).toEqual([
      [1, 'school-c', 102, true], [2, 'school-a', 100, false], [3, 'school-b', 97, false],
    ]);
    expect(response.body.units[2].items.map((i: { rule: string; points: number }) => [i.rule, i.points])).toEqual([['overdue', -3], ['escalated', -2], ['acceptedOnTime', 2]]);
  });

  it('then the workbook downloads with the same ranking', async () => {
    const response = await fetch(`${api.url}${path}.xlsx?asOf=2022-03-15&asOfBasis=business&period=mobilise`, { headers: planner });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet('考核排名')!.getRow(2).getCell(2).value).toBe('丙小学');
  });

  it('refuses an unknown period (400, naming the field), a department head (403), an unknown plan (404)', async () => {
    const unknown = await call(api.url, 'GET', `${path}?asOfBasis=business&period=norm-year`, { headers: planner });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('norm-year');
    expect((await call(api.url, 'GET', path, { headers: head })).status).toBe(403);
    expect((await call(api.url, 'GET', '/plans/no-such-plan/assessment', { headers: planner })).status).toBe(404);
  });
});
