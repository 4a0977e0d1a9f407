import * as nodeIcal from 'node-ical';
import type { Actor, Obligation } from '@planledger/domain';
import { obligation, schedule } from '@planledger/domain/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing';

const planner: Actor = { userId: 'planner', role: 'planner' };
const head: Actor = { userId: 'head-a', role: 'department_head', departmentId: 'school-a' };
const at = '2026-11-01T00:00:00.000Z';

/** The iCalendar feeds, parsed by a real iCalendar parser (node-ical): exactly the open deadlines, alarms per the reminder policy, 404 once revoked. */
describe('calendar feeds (api over PGlite)', () => {
  let t: ApiTestApp;
  let admin: Record<string, string>;
  const obligations: Obligation[] = [
    obligation({ assignmentId: 'm1.school-a.once', title: '制定实施方案', dueAt: '2026-12-14T15:59:59.999Z', remindDaysBefore: [7, 1] }),
    obligation({ assignmentId: 'm2.school-a.once', measureId: 'm2', title: '提交总结', dueAt: '2026-12-20T15:59:59.999Z', remindDaysBefore: [3] }),
    obligation({ assignmentId: 'm3.school-a.once', measureId: 'm3', title: '已提交的任务', dueAt: '2026-12-10T15:59:59.999Z' }),
    obligation({ assignmentId: 'm1.school-b.once', departmentId: 'school-b', title: '乙校任务', dueAt: '2026-12-15T15:59:59.999Z' }),
  ];

  beforeAll(async () => {
    t = await startApiTestApp({ now: new Date(at) });
    admin = await t.authAs({ roles: ['admin'] });
    const plan = schedule({ planId: 'feed-plan', obligations, departments: [...schedule().departments, { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' }] });
    const run = async (target: Parameters<ApiTestApp['executor']['execute']>[0], command: unknown) => {
      const result = await t.executor.execute(target, command as never);
      if (!result.ok) throw new Error(result.error.message);
    };
    await run({ aggregate: 'plan', planId: 'feed-plan' }, { type: 'DraftPlan', data: { planId: 'feed-plan', schedule: plan, source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, metadata: { actor: planner, at } });
    await run({ aggregate: 'plan', planId: 'feed-plan' }, { type: 'PublishPlan', data: { planId: 'feed-plan' }, metadata: { actor: planner, at } });
    for (const o of obligations) await run({ aggregate: 'assignment', planId: 'feed-plan', assignmentId: o.assignmentId }, { type: 'IssueAssignment', data: { planId: 'feed-plan', obligation: o }, metadata: { actor: planner, at } });
    await run({ aggregate: 'assignment', planId: 'feed-plan', assignmentId: 'm3.school-a.once' }, { type: 'SubmitAssignment', data: { assignmentId: 'm3.school-a.once', note: '已完成' }, metadata: { actor: head, at } });
    await t.project();
  });
  afterAll(() => t?.close());

  it('lists exactly the department\'s open deadlines, with an alarm per reminder offset; a revoked address answers 404', async () => {
    const created = await call(t.url, 'POST', '/admin/calendar-feeds', { json: { departmentId: 'school-a' }, headers: admin });
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    const feed = await call(t.url, 'GET', path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);

    const events = Object.values(nodeIcal.sync.parseICS(feed.text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(events.map((e) => [e.uid, e.summary, new Date(e.start).toISOString()]).sort()).toEqual([
      ['feed-plan.m1.school-a.once@planledger', '截止：制定实施方案', '2026-12-14T15:59:59.000Z'],
      ['feed-plan.m2.school-a.once@planledger', '截止：提交总结', '2026-12-20T15:59:59.000Z'],
    ]);
    const alarms = (uid: string) => (feed.text.split('BEGIN:VEVENT').find((block) => block.includes(`UID:${uid}`)) ?? '').match(/TRIGGER[^\r\n]*/g);
    expect(alarms('feed-plan.m1.school-a.once@planledger')).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D']);
    expect(alarms('feed-plan.m2.school-a.once@planledger')).toEqual(['TRIGGER:-P3D']);

    expect((await call(t.url, 'POST', `/admin/calendar-feeds/${created.body.feed.feedId}/revoke`, { headers: admin })).status).toBe(200);
    expect((await call(t.url, 'GET', path)).status).toBe(404);
    expect((await call(t.url, 'GET', `/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('a per-person feed lists exactly the open deadlines of that person\'s departments; revoking the person answers 404', async () => {
    const registered = await call(t.url, 'POST', '/admin/people', { json: { id: 'feed-head', name: '甲校长', roles: ['department_head'], departments: ['school-a'] }, headers: admin });
    expect(registered.status).toBe(201);
    const created = await call(t.url, 'POST', '/admin/calendar-feeds', { json: { personId: 'feed-head' }, headers: admin });
    expect(created.status).toBe(201);
    expect(created.body.feed).toEqual(expect.objectContaining({ personId: 'feed-head', departmentId: null }));
    const path = new URL(created.body.url).pathname;
    const feed = await call(t.url, 'GET', path);
    expect(feed.status).toBe(200);
    const events = Object.values(nodeIcal.sync.parseICS(feed.text)).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(events.map((e) => [e.uid, e.summary, new Date(e.start).toISOString()]).sort()).toEqual([
      ['feed-plan.m1.school-a.once@planledger', '截止：制定实施方案', '2026-12-14T15:59:59.000Z'],
      ['feed-plan.m2.school-a.once@planledger', '截止：提交总结', '2026-12-20T15:59:59.000Z'],
    ]);
    expect((await call(t.url, 'POST', '/admin/people/feed-head/revoke', { json: { reason: 'left the school' }, headers: admin })).status).toBe(200);
    expect((await call(t.url, 'GET', path)).status).toBe(404);
  });
});
