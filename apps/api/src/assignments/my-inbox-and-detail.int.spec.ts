import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { assignmentDetailResponse, myInboxResponse } from './assignment-response-schemas';

const LIANYUN = readFileSync(join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const PLAN = 'lianyun-inbox';
// Rebased to start 2030-09-01; published at 2031-01-10 10:00 +08:00, then the clock is set to 2031-01-12 10:00.
const BANQIAO_PLAN = 'norm-year-school-plans.banqiao-junior.once'; // due 2031-01-17 (a working day); reviewed by liaison-deputy-2, then leading-group-office
const HAIBIN_PLAN = 'norm-year-school-plans.haibin-primary.once';
const BUREAU_PLAN = 'norm-year-implementation-plan.lianyun-bureau.once'; // due 2030-12-31: overdue now

let api: ApiTestApp;
let planner: Record<string, string>;
let banqiaoHead: Record<string, string>;
let haibinHead: Record<string, string>;
let liaison: Record<string, string>;
let auditor: Record<string, string>;

const get = (path: string, headers: Record<string, string>) => call(api.url, 'GET', path, { headers });
const act = (id: string, action: string, json: unknown, headers: Record<string, string>) =>
  call(api.url, 'POST', `/assignments/${PLAN}.${id}/${action}`, { json, headers });

async function fireIssue(assignmentId: string): Promise<void> {
  const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
  const timer = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === assignmentId);
  expect((await fireTimer(api.executor, timer!)).ok).toBe(true);
}

/** The inbox, checked against its documented schema. */
async function inbox(headers: Record<string, string>, query = '') {
  const response = await get(`/me/inbox${query}`, headers);
  expect(response.status).toBe(200);
  return myInboxResponse.parse(response.body);
}
const idsOf = (items: { assignmentId: string }[]) => items.map((item) => item.assignmentId);

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  const admin = await api.authAs({ subject: 'root', roles: ['admin'] });
  banqiaoHead = await api.authAs({ subject: 'zhou.banqiao', roles: ['department_head'], departments: ['banqiao-junior'] });
  haibinHead = await api.authAs({ subject: 'li.haibin', roles: ['department_head'], departments: ['haibin-primary'] });
  liaison = await api.authAs({ subject: 'wang.deputy', roles: ['department_head'], departments: ['liaison-deputy-2'] });
  auditor = await api.authAs({ subject: 'sun.audit', roles: ['auditor'] });
  const registered = await call(api.url, 'POST', '/admin/people', { json: { id: 'zhou.banqiao', name: '周校長', roles: ['department_head'], departments: ['banqiao-junior'] }, headers: admin });
  expect(registered.status).toBe(201);
  expect((await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { headers: planner, text: LIANYUN })).status).toBe(201);
  expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: planner })).status).toBe(200);
  for (const id of [BANQIAO_PLAN, HAIBIN_PLAN, BUREAU_PLAN]) await fireIssue(id);
  await api.project();
  // Two days on: the school plans (due 2031-01-17 23:59:59.999 +08:00) are due within 7 days.
  api.clock.set(new Date('2031-01-12T02:00:00Z'));
});
afterAll(async () => {
  await api?.close();
});

describe('GET /me/inbox', () => {
  it("groups a school head's work, with plan, measure, department, deadline and the buttons they may press", async () => {
    const body = await inbox(banqiaoHead);
    expect(idsOf(body.groups.dueWithin7Days)).toEqual([BANQIAO_PLAN]);
    expect(body.counts).toEqual({ overdue: 0, dueWithin7Days: 1, awaitingMyReview: 0, inProgress: 0, standing: 0, done: 0, open: 1 });
    const [item] = body.groups.dueWithin7Days;
    expect(item).toMatchObject({
      ref: `${PLAN}.${BANQIAO_PLAN}`, planId: PLAN, planTitle: expect.stringContaining('行動計劃'), measureId: 'norm-year-school-plans',
      measureTitle: '學校教育教學規范年工作方案', departmentId: 'banqiao-junior', departmentName: '連云區板橋中學', status: 'issued',
      dueAt: '2031-01-17T23:59:59.999+08:00', overdue: false, escalationLevel: 0,
    });
    // The state machine allows waiving too, but only planners may: no button for it here.
    expect(item.allowedActions).toEqual(['acknowledge', 'start', 'progress', 'submit', 'reassign']);
  });

  it('shows overdue work first to the bureau, and every school under it', async () => {
    const bureau = await api.authAs({ subject: 'bureau.head', roles: ['department_head'], departments: ['lianyun-bureau'] });
    const body = await inbox(bureau);
    expect(idsOf(body.groups.overdue)).toEqual([BUREAU_PLAN]);
    expect(body.groups.overdue[0]).toMatchObject({ overdue: true, departmentName: '連云區教育局' });
    expect(idsOf(body.groups.dueWithin7Days).sort()).toEqual([BANQIAO_PLAN, HAIBIN_PLAN].sort());
    expect(body.counts.open).toBe(3);
  });

  it('filters by plan and by status; a member has no reassign button', async () => {
    expect((await inbox(banqiaoHead, '?plan=other-plan')).counts.open).toBe(0);
    expect((await inbox(banqiaoHead, `?plan=${PLAN}&status=issued,acknowledged`)).counts.open).toBe(1);
    expect((await inbox(banqiaoHead, '?status=submitted')).counts.open).toBe(0);
    const member = await api.authAs({ subject: 'teacher', roles: ['department_member'], departments: ['banqiao-junior'] });
    expect((await inbox(member)).groups.dueWithin7Days[0].allowedActions).toEqual(['acknowledge', 'start', 'progress', 'submit']);
    const bad = await get('/me/inbox?status=done&colour=red', banqiaoHead);
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query', 'query.status[0]']);
  });

  it('puts a submission under 待我审核 for the reviewing department only, and moves it along the chain', async () => {
    expect((await act(BANQIAO_PLAN, 'submit', { note: '規范年工作方案' }, banqiaoHead)).status).toBe(200);
    await api.project();
    const reviewer = await inbox(liaison);
    expect(idsOf(reviewer.groups.awaitingMyReview)).toEqual([BANQIAO_PLAN]);
    expect(reviewer.groups.awaitingMyReview[0]).toMatchObject({ status: 'submitted', currentReviewer: 'liaison-deputy-2', allowedActions: ['return', 'accept'] });
    expect(reviewer.counts).toMatchObject({ awaitingMyReview: 1, open: 1 });
    // The school waits: its submission is in progress, with nothing to press.
    const school = await inbox(banqiaoHead);
    expect(school.groups.inProgress.map((i) => [i.assignmentId, i.allowedActions])).toEqual([[BANQIAO_PLAN, []]]);
    // What is not offered is refused.
    expect((await act(BANQIAO_PLAN, 'accept', {}, banqiaoHead)).status).toBe(403);
    expect((await act(BANQIAO_PLAN, 'start', {}, liaison)).status).toBe(403);

    expect((await act(BANQIAO_PLAN, 'accept', { note: '同意' }, liaison)).status).toBe(200);
    await api.project();
    expect((await inbox(liaison)).counts.awaitingMyReview).toBe(0);
    const office = await api.authAs({ subject: 'office', roles: ['department_member'], departments: ['leading-group-office'] });
    expect(idsOf((await inbox(office)).groups.awaitingMyReview)).toEqual([BANQIAO_PLAN]);
    expect((await act(BANQIAO_PLAN, 'accept', {}, office)).status).toBe(200);
    await api.project();
    const done = await inbox(banqiaoHead);
    expect(idsOf(done.groups.done)).toEqual([BANQIAO_PLAN]);
    expect(done.counts).toMatchObject({ done: 1, open: 0 });
    expect(done.groups.done[0].allowedActions).toEqual([]);
  });

  it('is empty for a person without departments, and needs a token', async () => {
    expect((await inbox(auditor)).counts).toEqual({ overdue: 0, dueWithin7Days: 0, awaitingMyReview: 0, inProgress: 0, standing: 0, done: 0, open: 0 });
    expect((await call(api.url, 'GET', '/me/inbox')).status).toBe(401);
  });
});

describe('GET /assignments/{id}', () => {
  it('shows what is asked, the sentence of the plan, the review chain, the history with names, and the buttons', async () => {
    const response = await get(`/assignments/${PLAN}.${BANQIAO_PLAN}`, banqiaoHead);
    expect(response.status).toBe(200);
    const detail = assignmentDetailResponse.parse(response.body);
    expect(detail).toMatchObject({
      planId: PLAN, assignmentId: BANQIAO_PLAN, measureTitle: '學校教育教學規范年工作方案', measureKind: 'deliverable',
      sourceText: { from: 'source', text: '各校要高度重視、精心組織、強化領導、統籌部署,切實做到組織落實、任務落實、措施落實' },
      departmentName: '連云區板橋中學', status: 'accepted', allowedActions: [],
    });
    expect(detail.reviewChain).toEqual({
      currentStep: null,
      steps: [
        { departmentId: 'liaison-deputy-2', departmentName: '區教育局副局長乙(包校)', role: 'reviewer', state: 'passed' },
        { departmentId: 'leading-group-office', departmentName: '連云區教育教學質量提升工作領導小組辦公室', role: 'receiver', state: 'passed' },
      ],
    });
    expect(detail.history.map((h) => h.type)).toEqual(['AssignmentIssued', 'AssignmentSubmitted', 'AssignmentReviewPassed', 'AssignmentAccepted']);
    expect(detail.history[0].actor).toMatchObject({ name: 'system', role: 'system' });
    expect(detail.history[1]).toMatchObject({ note: '規范年工作方案', actor: { userId: 'zhou.banqiao', name: '周校長', departmentName: '連云區板橋中學' } });
    expect(detail.history[2]).toMatchObject({ note: '同意', actor: { userId: 'wang.deputy', name: 'wang.deputy', departmentId: 'liaison-deputy-2' } });
    expect(detail.history[1].at).toBe('2031-01-12T10:00:00.000+08:00');
  });

  it('shows the current step of a submission and the reviewer its buttons', async () => {
    expect((await act(HAIBIN_PLAN, 'submit', {}, haibinHead)).status).toBe(200);
    const reviewer = assignmentDetailResponse.parse((await get(`/assignments/${HAIBIN_PLAN}?planId=${PLAN}`, await api.authAs({ roles: ['department_head'], departments: ['liaison-deputy-2'] }))).body);
    expect(reviewer.reviewChain.currentStep).toBe(0);
    expect(reviewer.reviewChain.steps.map((s) => s.state)).toEqual(['current', 'pending']);
    expect(reviewer.allowedActions).toEqual(['return', 'accept']);
    const bureauPlanner = assignmentDetailResponse.parse((await get(`/assignments/${PLAN}.${HAIBIN_PLAN}`, planner)).body);
    expect(bureauPlanner.allowedActions).toEqual(['return', 'accept', 'waive']);
    const audit = assignmentDetailResponse.parse((await get(`/assignments/${PLAN}.${HAIBIN_PLAN}`, auditor)).body);
    expect(audit.allowedActions).toEqual([]);
  });

  it('falls back to the description, and says so, when the plan quotes no sentence', async () => {
    const texts = (await import('./measure-texts')).measureTextsOf({ measures: [{ id: 'm', title: 'T', description: 'D' }] });
    expect(texts.get('m')).toEqual({ title: 'T', kind: 'task', description: 'D', source: null });
  });

  it("403, not data, for another school's head; 404 for an unknown id", async () => {
    const response = await get(`/assignments/${PLAN}.${BANQIAO_PLAN}`, haibinHead);
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('規范年工作方案');
    expect((await get(`/assignments/${PLAN}.no-such.once`, planner)).status).toBe(404);
    expect((await get(`/assignments/${PLAN}.no-such.once`, haibinHead)).status).toBe(404);
  });
});
