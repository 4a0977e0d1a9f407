import { runLianyunThroughEngine } from '@planledger/audit/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { planPageAnswer, planSummaryAnswer } from './plan-list-schemas';

const PLAN = 'lianyun-2030';
let api: ApiTestApp;
let planner: Record<string, string>;
let issued: string[];
const get = (path: string) => call(api.url, 'GET', path, { headers: planner });
const ids = (body: { assignments: { assignmentId: string }[] }) => body.assignments.map((a) => a.assignmentId);

/** Every page from the first, following nextCursor. */
async function allPages(query: string): Promise<{ assignmentId: string; dueAt: string; departmentId: string; status: string }[]> {
  const items = [];
  let cursor: string | null = null;
  do {
    const response = await get(`/plans/${PLAN}?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    items.push(...response.body.assignments);
    cursor = response.body.page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  issued = await runLianyunThroughEngine(api.executor, PLAN, { rebase: '2030-09-01', timers: 80, acknowledged: 5 });
  await api.project();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

describe('GET /plans/{id}: the summary and one page of assignments', () => {
  it('given pages of 7, when every page is followed, then each assignment comes once, by due date then id', async () => {
    const paged = await allPages('limit=7');
    expect(paged.map((a) => a.assignmentId).sort()).toEqual([...issued].sort());
    const order = paged.map((a) => [Date.parse(a.dueAt), a.assignmentId] as const);
    expect(order).toEqual([...order].sort(([d1, a1], [d2, a2]) => d1 - d2 || (a1 < a2 ? -1 : a1 > a2 ? 1 : 0)));
    const first = await get(`/plans/${PLAN}?limit=7`);
    expect(first.body.assignments).toHaveLength(7);
    expect(first.body.page).toEqual({ limit: 7, nextCursor: expect.any(String) });
    expect(first.body.plan).toMatchObject({ planId: PLAN, status: 'published' });
    expect(first.body.phases.length).toBeGreaterThan(0);
  });

  it('given filters, then only matching assignments are listed', async () => {
    const all = await allPages('limit=500');
    const acknowledged = await allPages('status=acknowledged');
    expect(acknowledged.map((a) => a.assignmentId).sort()).toEqual(all.filter((a) => a.status === 'acknowledged').map((a) => a.assignmentId).sort());
    expect(acknowledged).toHaveLength(5);
    const department = all[0].departmentId;
    expect(await allPages(`department=${department}&status=issued,acknowledged`)).toEqual(all.filter((a) => a.departmentId === department));
    const latest = Math.max(...all.map((a) => Date.parse(a.dueAt)));
    const earliest = Math.min(...all.map((a) => Date.parse(a.dueAt)));
    api.clock.set(new Date(earliest - 1));
    expect(await allPages('overdue=true')).toEqual([]);
    api.clock.set(new Date(latest)); // every deadline has come: all of it is owed and late
    expect(await allPages('overdue=true')).toEqual(all);
    expect(await allPages('overdue=false')).toEqual([]);
    api.clock.set(new Date('2031-01-10T02:00:00Z'));
    expect((await get(`/plans/${PLAN}?measure=no-such-measure`)).body.assignments).toEqual([]);
  });

  it('given a bad cursor or limit, then 400 names the query parameter', async () => {
    const badCursor = await get(`/plans/${PLAN}?cursor=not-a-cursor`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.problems).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await get(`/plans/${PLAN}?limit=501`)).status).toBe(400);
    expect((await get(`/plans/${PLAN}?status=finished`)).status).toBe(400);
  });

  it('given asOf, then the replay is filtered and paged the same way as the read models', async () => {
    const asOf = encodeURIComponent(new Date().toISOString());
    const now = await get(`/plans/${PLAN}?limit=5&status=issued`);
    const replayed = await get(`/plans/${PLAN}?limit=5&status=issued&asOf=${asOf}`);
    expect(replayed.status).toBe(200);
    const { asOf: _asOf, ...rest } = replayed.body;
    expect(rest).toEqual(now.body);
    const second = await get(`/plans/${PLAN}?limit=5&status=issued&asOf=${asOf}&cursor=${replayed.body.page.nextCursor}`);
    expect(ids(second.body)).toEqual(ids((await get(`/plans/${PLAN}?limit=5&status=issued&cursor=${now.body.page.nextCursor}`)).body));
    expect(planPageAnswer.parse(replayed.body)).toEqual(replayed.body);
    expect(planPageAnswer.parse(now.body)).toEqual(now.body);
  });

  it('given asOf and a department, then only its work is replayed: its assignments as the read models show them, its counts alone', async () => {
    const asOf = encodeURIComponent(new Date().toISOString());
    const department = (await allPages('limit=50'))[0].departmentId;
    const now = planPageAnswer.parse((await get(`/plans/${PLAN}?department=${department}&limit=500`)).body);
    const replayed = planPageAnswer.parse((await get(`/plans/${PLAN}?department=${department}&limit=500&asOf=${asOf}`)).body);
    expect(replayed.assignments).toEqual(now.assignments);
    expect(replayed.assignments.length).toBeGreaterThan(0);
    expect(replayed.byDepartment).toEqual(now.byDepartment.filter((d) => d.departmentId === department));
    expect(replayed.plan.progress).toEqual(now.byDepartment.find((d) => d.departmentId === department)!.progress);
    expect(replayed.asOf).toMatchObject({ departmentId: department, basis: 'recorded' });
    const whole = planPageAnswer.parse((await get(`/plans/${PLAN}?limit=1&asOf=${asOf}`)).body);
    expect(replayed.asOf!.eventsReplayed).toBeLessThan(whole.asOf!.eventsReplayed);
  });
});

describe('GET /plans/{id}/summary', () => {
  it('answers the plan, phases and progress counts without any assignment, now and as of a date', async () => {
    const summary = await get(`/plans/${PLAN}/summary`);
    expect(summary.status).toBe(200);
    expect(Object.keys(summary.body).sort()).toEqual(['byDepartment', 'phases', 'plan']);
    expect(summary.body.plan.progress.byStatus.acknowledged).toBe(5);
    const replayed = await get(`/plans/${PLAN}/summary?asOf=${encodeURIComponent(new Date().toISOString())}`);
    const { asOf, ...rest } = replayed.body;
    expect(rest).toEqual(summary.body);
    expect(planSummaryAnswer.parse(replayed.body)).toEqual(replayed.body);
    expect(asOf).toMatchObject({ basis: 'recorded' });
    expect((await get('/plans/no-such-plan/summary')).status).toBe(404);
  });

  it('given an event projected after a summary was answered, then the next summary shows it', async () => {
    const before = (await get(`/plans/${PLAN}/summary`)).body.plan.progress;
    const assignmentId = (await allPages('status=issued'))[0].assignmentId;
    const { state } = await api.executor.load({ aggregate: 'assignment', planId: PLAN, assignmentId });
    const departmentId = (state as { departmentId: string }).departmentId;
    const head = { userId: `head-of-${departmentId}`, role: 'department_head' as const, departmentId };
    await api.executor.execute({ aggregate: 'assignment', planId: PLAN, assignmentId }, { type: 'AcknowledgeAssignment', data: { assignmentId }, metadata: { actor: head, at: '2031-01-10T02:00:00.000Z' } });
    await api.project();
    const after = (await get(`/plans/${PLAN}/summary`)).body.plan.progress;
    expect(after.byStatus.acknowledged).toBe(before.byStatus.acknowledged + 1);
    expect(after.byStatus.issued).toBe(before.byStatus.issued - 1);
  });
});
