/**
 * A roster through HTTP on PGlite (ADR 0022): a planner names who holds 班主任 at a school after the
 * plan is published; the assignment page shows the person (未指定 before), the teacher sees the work
 * in their own inbox though no department of theirs reaches it, and the roster as of an earlier
 * instant answers who held the role then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { assignmentDetailResponse, myInboxResponse } from '../assignments/assignment-response-schemas';
import { planRosterAnswer } from '../routes/request-schemas';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const ROLES = readFileSync(join(__dirname, '../../../../workflows/examples/roles-and-roster.yaml'), 'utf8');
const PLAN = 'example-roles';
const VISITS_A = 'home-visits.school-a.2023-s1';

let api: ApiTestApp;
let planner: Record<string, string>;
let teacher: Record<string, string>;

const page = async (assignmentId: string, query = '') => {
  const response = await call(api.url, 'GET', `/assignments/${PLAN}.${assignmentId}${query}`, { headers: planner });
  expect(response.status).toBe(200);
  return assignmentDetailResponse.parse(response.body);
};
const setRoster = (json: unknown, headers = planner) => call(api.url, 'POST', `/plans/${PLAN}/roster`, { json, headers });

beforeAll(async () => {
  api = await startApiTestApp();
  api.clock.set(new Date('2023-08-31T16:00:00Z'));
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  teacher = await api.authAs({ subject: 'zhang.teacher', roles: ['department_member'], departments: [] });
  expect((await call(api.url, 'POST', '/plans', { headers: planner, text: ROLES })).status).toBe(201);
  expect((await call(api.url, 'POST', `/plans/${PLAN}/publish`, { headers: planner })).status).toBe(200);
  const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
  const issue = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === VISITS_A);
  expect((await fireTimer(api.executor, issue!)).ok).toBe(true);
  await api.project();
});
afterAll(async () => {
  await api?.close();
});

describe('POST /plans/{id}/roster and what it changes', () => {
  it('given no roster, the assignment page names the role and nobody holding it (未指定), and the teacher sees nothing', async () => {
    expect((await page(VISITS_A)).role).toEqual({ roleId: 'head-teacher', roleName: '班主任', people: [], since: null });
    const inbox = myInboxResponse.parse((await call(api.url, 'GET', '/me/inbox', { headers: teacher })).body);
    expect(inbox.counts.open).toBe(0);
  });

  it('refuses a role the plan gives no work to, a unit it lacks, a person unknown to the directory without a name, and a department head', async () => {
    const bad = await setRoster({ roster: [{ role: 'backbone-teacher', unit: 'school-a', people: [{ id: 'x', name: '某' }] }, { role: 'head-teacher', unit: 'school-z', people: [] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems ?? bad.body).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.roster[0].role' })]));
    const unknown = await setRoster({ roster: [{ role: 'head-teacher', unit: 'school-a', people: ['nobody.here'] }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('body.roster[0].people[0]');
    const head = await api.authAs({ subject: 'head.a', roles: ['department_head'], departments: ['school-a'] });
    expect((await setRoster({ roster: [{ role: 'head-teacher', unit: 'school-a', people: [{ id: 'zhang.teacher', name: '张老师' }] }] }, head)).status).toBe(403);
  });

  it('given 张老师 named, the page shows him, his inbox holds the work (heldByMe), and a later roster naming 李老师 leaves the earlier holder in the as-of answer', async () => {
    const first = await setRoster({ plan: PLAN, fileName: 'roster-2023.yaml', roster: [{ role: 'head-teacher', unit: 'school-a', people: [{ id: 'zhang.teacher', name: '张老师' }] }] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ planId: PLAN, assigned: 1, holdings: [{ roleId: 'head-teacher', unitId: 'school-a', people: [{ personId: 'zhang.teacher', name: '张老师' }] }] });
    await api.project();
    expect((await page(VISITS_A)).role).toMatchObject({ roleId: 'head-teacher', people: [{ personId: 'zhang.teacher', name: '张老师' }], since: '2023-09-01T00:00:00.000+08:00' });
    const inbox = myInboxResponse.parse((await call(api.url, 'GET', '/me/inbox', { headers: teacher })).body);
    const items = Object.values(inbox.groups).flat();
    expect(items.map((i) => [i.assignmentId, i.heldByMe, i.role?.people.map((p) => p.name)])).toEqual([[VISITS_A, true, ['张老师']]]);

    api.clock.set(new Date('2024-02-01T02:00:00Z'));
    expect((await setRoster({ roster: [{ role: 'head-teacher', unit: 'school-a', people: [{ id: 'li.teacher', name: '李老师' }] }] })).status).toBe(200);
    await api.project();
    expect((await page(VISITS_A)).role?.people).toEqual([{ personId: 'li.teacher', name: '李老师' }]);
    const then = planRosterAnswer.parse((await call(api.url, 'GET', `/plans/${PLAN}/roster?asOf=2023-12-01T00:00:00%2B08:00`, { headers: planner })).body);
    expect(then.holdings).toEqual([{ roleId: 'head-teacher', unitId: 'school-a', people: [{ personId: 'zhang.teacher', name: '张老师' }], since: '2023-09-01T00:00:00.000+08:00' }]);
    const now = planRosterAnswer.parse((await call(api.url, 'GET', `/plans/${PLAN}/roster`, { headers: planner })).body);
    expect(now.holdings.map((h) => h.people[0].name)).toEqual(['李老师']);
    // 张老师 no longer holds it: the work left his inbox.
    expect(myInboxResponse.parse((await call(api.url, 'GET', '/me/inbox', { headers: teacher })).body).counts.open).toBe(0);
    // The record keeps both rosters, never one updated in place.
    const stored = [];
    for await (const e of api.storage.store.readStream(`plan-${PLAN}`)) if (e.type === 'RosterAssigned') stored.push(e.data);
    expect(stored).toMatchObject([{ source: 'roster-2023.yaml', entries: [{ people: [{ name: '张老师' }] }] }, { entries: [{ people: [{ name: '李老师' }] }] }]);
  });
});
