import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timersForAssignment, timersForSchedule, type AssignmentState, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { call, startApiTestApp, type ApiTestApp } from './testing/api-test-app';

const LIANYUN = readFileSync(join(__dirname, '../../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const PLAN = 'lianyun-2030';
// Rebased to start 2030-09-01; business time is 2031-01-10 (the fixed clock).
const SCHOOL_PLAN = 'norm-year-school-plans.banqiao-junior.once'; // reviewed by liaison-deputy-2, then leading-group-office
const OTHER_SCHOOL_PLAN = 'norm-year-school-plans.haibin-primary.once';
const LATE_WORK = 'norm-year-implementation-plan.lianyun-bureau.once'; // due 2030-12-31: overdue at business time
const OVERDUE_WORK = 'norm-year-implementation-plan.education-work-committee.once'; // due 2030-12-31, never acted on

let api: ApiTestApp;
/** Bearer headers: the bureau's planner, and a head of every department (acts wherever the record needs a department). */
let planner: Record<string, string>;
let heads: Record<string, string>;
const ALL_DEPARTMENTS = [...LIANYUN.matchAll(/^\s+- \{ id: ([\w-]+)/gm)].map((m) => m[1]);
const post = (path: string, json?: unknown, headers?: Record<string, string>) => call(api.url, 'POST', path, { json, headers: headers ?? planner });
const get = (path: string) => call(api.url, 'GET', path, { headers: planner });
const act = (assignmentId: string, action: string, json?: unknown, headers?: Record<string, string>) =>
  post(`/assignments/${assignmentId}/${action}?planId=${PLAN}`, json, headers ?? (action === 'waive' ? planner : heads));

/** What the timer worker does: issue an assignment (its issue timer), mark it overdue (its overdue timer). */
async function fireIssue(assignmentId: string): Promise<void> {
  const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
  const timer = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === assignmentId);
  expect((await fireTimer(api.executor, timer!)).ok).toBe(true);
}
async function fireOverdue(assignmentId: string): Promise<void> {
  const { state } = await api.executor.load({ aggregate: 'assignment', planId: PLAN, assignmentId });
  const timer = timersForAssignment(state as AssignmentState).find((t) => t.kind === 'overdue');
  expect((await fireTimer(api.executor, timer!)).ok).toBe(true);
}

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  heads = await api.authAs({ subject: 'heads', roles: ['department_head'], departments: ALL_DEPARTMENTS });
});
afterAll(async () => {
  await api?.close();
});

describe('plans', () => {
  it('rejects a broken definition with every problem located by line and column', async () => {
    const broken = LIANYUN.replace('timeZone: Asia/Shanghai', 'timeZone: [Asia/Shanghai').replace(/^measures:/m, 'measures:\n  - { oops');
    const response = await call(api.url, 'POST', '/plans?fileName=lianyun.yaml', { headers: planner, text: broken, contentType: 'application/yaml' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_plan');
    expect(response.body.problems.length).toBeGreaterThan(0);
    for (const problem of response.body.problems) {
      expect(problem.file).toBe('lianyun.yaml');
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.text).toMatch(/^lianyun\.yaml:\d+:\d+ {2}/);
    }
  });

  it('rejects a definition that parses but is wrong, naming the key path', async () => {
    const wrong = LIANYUN.replace(/lead: [\w-]+/, 'lead: reserch-office');
    const response = await call(api.url, 'POST', '/plans', { headers: planner, text: wrong });
    expect(response.status).toBe(400);
    expect(response.body.problems.some((p: { path: string; line: number }) => /\.responsible\.lead$/.test(p.path) && p.line > 0)).toBe(true);
  });

  it('400 for bad query parameters, each with its path', async () => {
    const response = await call(api.url, 'POST', '/plans?rebase=2030-13-45&planId=Bad_Id&colour=red', { headers: planner, text: LIANYUN });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
    const paths = response.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['query.rebase', 'query.planId', 'query']));
  });

  it('imports Lianyun rebased as a draft, revises the draft, and publishes it', async () => {
    const imported = await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { headers: planner, text: LIANYUN });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ planId: PLAN, status: 'draft', revised: false, phases: 3 });
    expect(imported.body.obligations).toBeGreaterThan(100);
    expect(imported.body.startsAt).toBe('2030-09-01T00:00:00.000+08:00');

    // The JSON envelope, with a file name: a second import revises the draft.
    const revised = await post(`/plans?rebase=2030-09-01&planId=${PLAN}`, { definition: LIANYUN, fileName: 'lianyun.yaml' });
    expect(revised.status).toBe(201);
    expect(revised.body.revised).toBe(true);

    // The span started years before this clock: publishing asks for confirmation first and records nothing.
    const unconfirmed = await post(`/plans/${PLAN}/publish`);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ error: 'past_due_confirmation_required', pastDue: expect.any(Number) });
    expect(unconfirmed.body.pastDue).toBeGreaterThan(0);
    expect(unconfirmed.body.message).toContain('?confirmPastDue=true');
    const published = await post(`/plans/${PLAN}/publish?confirmPastDue=true`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ planId: PLAN, status: 'published', at: '2031-01-10T10:00:00.000+08:00' });

    const again = await post(`/plans/${PLAN}/publish?confirmPastDue=true`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'invalid_transition', status: 'published', allowed: ['amend', 'close'] });

    const reimport = await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { headers: planner, text: LIANYUN });
    expect(reimport.status).toBe(409);
    expect(reimport.body.allowed).toEqual(['amend', 'close']);
  });

  it('404 for an unknown plan', async () => {
    expect((await post('/plans/no-such-plan/publish')).status).toBe(404);
    expect((await post('/plans/no-such-plan/close', { reason: 'x' })).status).toBe(404);
    expect((await get('/plans/no-such-plan/history')).status).toBe(404);
  });

  it('an amendment needs a reason and a change', async () => {
    const noReason = await call(api.url, 'POST', `/plans/${PLAN}/amendments?rebase=2030-09-01`, { headers: planner, text: LIANYUN });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems[0].path).toBe('query.reason');
    const noChange = await call(api.url, 'POST', `/plans/${PLAN}/amendments?rebase=2030-09-01&reason=nothing`, { headers: planner, text: LIANYUN });
    expect(noChange.status).toBe(400);
    expect(noChange.body.problems[0]).toMatchObject({ path: 'body', message: expect.stringContaining('changes nothing') });
  });
});

describe('assignments', () => {
  beforeAll(async () => {
    await fireIssue(SCHOOL_PLAN);
    await fireIssue(OTHER_SCHOOL_PLAN);
    await fireIssue(LATE_WORK);
    await fireIssue(OVERDUE_WORK);
    await fireOverdue(LATE_WORK);
    await fireOverdue(OVERDUE_WORK);
  });

  it('takes an assignment through acknowledge, start, progress, submit, return, submit, accept (two reviewers)', async () => {
    const steps: [string, unknown, string][] = [
      ['acknowledge', undefined, 'acknowledged'],
      ['start', {}, 'in_progress'],
      ['progress', { note: '初稿完成', count: 1, attachments: [{ name: '方案初稿.docx', ref: 'archive://2031/17' }] }, 'in_progress'],
      ['submit', { note: '實施方案', attachments: [{ ref: 'archive://2031/18' }] }, 'submitted'],
      ['return', { reason: '缺少課堂教學部分' }, 'returned'],
      ['submit', { note: '修改稿' }, 'submitted'],
      ['accept', { note: '聯校審核通過' }, 'submitted'], // liaison passes it on to the office
      ['accept', {}, 'accepted'],
    ];
    for (const [action, body, status] of steps) {
      const response = await act(SCHOOL_PLAN, action, body);
      expect({ action, status: response.status, body: response.body }).toMatchObject({ action, status: 200, body: { status } });
    }
    const history = await get(`/assignments/${SCHOOL_PLAN}/history?planId=${PLAN}`);
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'AssignmentIssued', 'AssignmentAcknowledged', 'AssignmentStarted', 'AssignmentProgressReported', 'AssignmentSubmitted',
      'AssignmentReturned', 'AssignmentSubmitted', 'AssignmentReviewPassed', 'AssignmentAccepted',
    ]);
    const [issued, acknowledged] = history.body.events;
    expect(issued).toMatchObject({ revision: 0, actor: { role: 'system' }, businessTime: '2030-09-01T00:00:00.000+08:00' });
    expect(acknowledged).toMatchObject({ actor: { userId: 'heads', role: 'department_head', departmentId: 'banqiao-junior' }, businessTime: '2031-01-10T10:00:00.000+08:00' });
    expect(typeof acknowledged.recordedAt).toBe('string');
    // Accepting is the reviewer's act, not the department's.
    expect(history.body.events[7].actor.departmentId).toBe('liaison-deputy-2');
    expect(history.body.events[8].actor.departmentId).toBe('leading-group-office');
  });

  it('records the actor the bearer token names', async () => {
    const principal = await api.authAs({ subject: 'li.principal', name: '李校長', roles: ['department_head'], departments: ['haibin-primary'] });
    const response = await act(OTHER_SCHOOL_PLAN, 'reassign', { toDepartmentId: 'xugou-primary', reason: '合併辦學' }, principal);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'issued', departmentId: 'xugou-primary' });
    expect(response.body.events[0].actor).toEqual({ userId: 'li.principal', role: 'department_head', departmentId: 'haibin-primary' });
    const waived = await act(OTHER_SCHOOL_PLAN, 'waive', { reason: '學校撤併' });
    expect(waived.body).toMatchObject({ status: 'waived' });
    expect(waived.body.events[0].actor).toEqual({ userId: 'wang.office', role: 'planner' });
  });

  it('409 with the current status and the allowed actions', async () => {
    const response = await act(SCHOOL_PLAN, 'acknowledge');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'invalid_transition', status: 'accepted', allowed: [] });
    await act(LATE_WORK, 'submit', {});
    const early = await act(LATE_WORK, 'start');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ status: 'submitted', allowed: ['accept', 'return', 'waive'] });
    expect(early.text).not.toMatch(/at .*\.ts/); // never a stack trace
  });

  it('400 listing each bad field with its path', async () => {
    const response = await act(LATE_WORK, 'progress', { count: 0, attachments: [{ name: 'x' }], colour: 'red' });
    expect(response.status).toBe(400);
    const paths = response.body.problems.map((p: { path: string }) => p.path).sort();
    // An attachment is a file {sha256, name, size, mediaType} or a reference {ref, name?}: {name} alone is neither.
    expect(paths).toEqual(['body', 'body.attachments[0]', 'body.count', 'body.note']);
    expect(response.body.problems).toContainEqual({ path: 'body.attachments[0]', message: 'an attachment is an uploaded file {sha256, name, size, mediaType} or a reference {ref, name?}' });
    const noReason = await act(LATE_WORK, 'return', {});
    expect(noReason.body.problems).toEqual([{ path: 'body.reason', message: expect.any(String) }]);
    const notJson = await call(api.url, 'POST', `/assignments/${LATE_WORK}/return?planId=${PLAN}`, { headers: planner, text: '{"reason":', contentType: 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.problems[0].path).toBe('body');
  });

  it('404 for an unknown assignment', async () => {
    expect((await act('no-such.assignment.once', 'acknowledge')).status).toBe(404);
    expect((await get(`/assignments/no-such.assignment.once/history?planId=${PLAN}`)).status).toBe(404);
    expect((await post('/assignments/no-such.assignment.once/acknowledge', undefined, heads)).status).toBe(404);
  });
});

describe('history', () => {
  it('returns every plan event with actor, business time and data', async () => {
    const response = await get(`/plans/${PLAN}/history`);
    expect(response.status).toBe(200);
    const types = response.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['PlanDrafted', 'PlanDraftRevised', 'PlanPublished']);
    expect(response.body.events[2]).toMatchObject({ actor: { userId: 'wang.office', role: 'planner' }, businessTime: '2031-01-10T10:00:00.000+08:00', data: { planId: PLAN } });
  });
});

describe('read models', () => {
  beforeAll(async () => {
    await api.project();
  });

  it('lists plans with progress, and shows one plan', async () => {
    const plans = await get('/plans');
    expect(plans.status).toBe(200);
    expect(plans.body.plans).toEqual([expect.objectContaining({ planId: PLAN, status: 'published' })]);
    expect(plans.body.plans[0].progress.accepted).toBe(1);
    expect((await get('/plans?status=draft')).body.plans).toEqual([]);

    const overview = await get(`/plans/${PLAN}`);
    expect(overview.status).toBe(200);
    expect(overview.body.assignments.map((a: { assignmentId: string }) => a.assignmentId).sort()).toEqual([LATE_WORK, OVERDUE_WORK, SCHOOL_PLAN, OTHER_SCHOOL_PLAN].sort());
    expect((await get('/plans/no-such-plan')).status).toBe(404);
  });

  it('serves inboxes, the overdue list and the timeline', async () => {
    const inbox = await get('/departments/lianyun-bureau/inbox');
    expect(inbox.status).toBe(200);
    // Submitted work stays in the inbox until the review ends; it is no longer owed, so not overdue.
    expect(inbox.body.items).toEqual([expect.objectContaining({ assignmentId: LATE_WORK, overdue: false, status: 'submitted' })]);
    const committee = await get('/departments/education-work-committee/inbox');
    expect(committee.body.items).toEqual([expect.objectContaining({ assignmentId: OVERDUE_WORK, overdue: true, status: 'issued' })]);
    expect((await get('/departments/banqiao-junior/inbox')).body.items).toEqual([]); // accepted work leaves the inbox

    const overdue = await get(`/overdue?planId=${PLAN}`);
    expect(overdue.status).toBe(200);
    // LATE_WORK was marked overdue too, then submitted: no longer owed, so not on the list.
    expect(overdue.body.items.map((a: { assignmentId: string }) => a.assignmentId)).toEqual([OVERDUE_WORK]);

    const timeline = await get(`/plans/${PLAN}/timeline?events=5&timers=3`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.recent).toHaveLength(5);
    expect(timeline.body.upcoming.length).toBeLessThanOrEqual(3);
    const times = timeline.body.recent.map((e: { businessTime: string }) => Date.parse(e.businessTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('finds an assignment by its ref or bare id without ?planId', async () => {
    const byRef = await call(api.url, 'GET', `/assignments/${PLAN}.${SCHOOL_PLAN}/history`, { headers: planner });
    expect(byRef.status).toBe(200);
    expect(byRef.body).toMatchObject({ planId: PLAN, assignmentId: SCHOOL_PLAN });
    const bare = await call(api.url, 'GET', `/assignments/${SCHOOL_PLAN}/history`, { headers: planner });
    expect(bare.body.events).toHaveLength(byRef.body.events.length);
  });
});
