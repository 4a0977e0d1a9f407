import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { call, startApiTestApp, type ApiTestApp } from '../../testing/api-test-app';
import { amendmentPreviewAnswer, planPreviewAnswer } from './preview-schemas';

const workflows = join(__dirname, '../../../../../workflows');
const LIANYUN = readFileSync(join(workflows, 'lianyun-quality-2021-2024.yaml'), 'utf8');
const COUNTY = readFileSync(join(workflows, 'county-basic-education-2022-2025.yaml'), 'utf8');
const COUNTY_DEPARTMENTS = readFileSync(join(workflows, 'county-basic-education-departments.yaml'), 'utf8');
const PLAN = 'lianyun-preview-2030';
const REBASE = '2030-09-01'; // business time is 2031-01-10 (the fixed clock)

/**
 * The amendment the planners of 連云區 might make in the norm year: the schools' own plans are due
 * at the end of February instead of mid-January, and the research office, not the education work
 * committee, co-writes the bureau's implementation plan.
 */
const AMENDED = LIANYUN
  .replace('deadline: { kind: fixed, date: 2022-01-15 }\n        review: { reviewedBy: [liaison]', 'deadline: { kind: fixed, date: 2022-02-28 }\n        review: { reviewedBy: [liaison]')
  .replace('responsible: { lead: lianyun-bureau, co: [education-work-committee] }\n        deadline: { kind: fixed, date: 2021-12-31 }', 'responsible: { lead: lianyun-bureau, co: [research-office] }\n        deadline: { kind: fixed, date: 2021-12-31 }');
const SCHOOLS = 12;

let api: ApiTestApp;
let planner: Record<string, string>;
const eventCount = async () => Number((await api.storage.database.query<{ n: string }>('select count(*) as n from event_store_events'))[0].n);
const post = (path: string, text: string, headers = planner) => call(api.url, 'POST', path, { headers, text, contentType: 'application/yaml' });

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
});
afterAll(async () => {
  await api?.close();
});

describe('POST /plans/preview', () => {
  it('previews a valid plan with its departments file from a simulated run, and stores nothing', async () => {
    const before = await eventCount();
    const response = await call(api.url, 'POST', '/plans/preview', {
      headers: planner, json: { definition: COUNTY, fileName: 'county.yaml', files: { 'county-basic-education-departments.yaml': COUNTY_DEPARTMENTS } },
    });
    expect(response.status).toBe(200);
    const preview = planPreviewAnswer.parse(response.body);
    expect(preview.plan.planId).toBe('county-basic-education-2022-2025');
    expect(preview.existingStatus).toBe('none');
    expect(preview.warnings).toEqual([]); // 2022–2025 lie inside the holiday table; no deadline before the issue date
    expect(preview.phases.length).toBeGreaterThan(0);
    for (const phase of preview.phases) {
      expect(phase.openedAt).not.toBeNull();
      expect(Date.parse(phase.closesAt)).toBeGreaterThan(Date.parse(phase.opensAt));
    }
    expect(preview.departments.reduce((sum, d) => sum + d.assignments, 0)).toBe(preview.simulation.issued);
    expect(preview.simulation).toMatchObject({ issued: preview.plan.obligations, rejections: 0 });
    expect(preview.firstDeadlines).toHaveLength(10);
    expect(preview.firstDeadlines.map((d) => Date.parse(d.dueAt))).toEqual(preview.firstDeadlines.map((d) => Date.parse(d.dueAt)).sort((a, b) => a - b));
    expect(preview.busiestWeeks[0].deadlines).toBe(Math.max(...preview.weeks.map((w) => w.deadlines)));
    expect(await eventCount()).toBe(before);
  });

  it('answers a plan with mistakes with every problem located (file, line, column, JSON path), and stores nothing', async () => {
    const before = await eventCount();
    const broken = LIANYUN.replace('lead: lianyun-bureau, co: [education-work-committee]', 'lead: lianyun-bureau, co: [educaton-work-committee]').replace('kind: theme-year\n    window: { schoolYear: 2022 }', 'kind: theme-yaer\n    window: { schoolYear: 2022 }');
    const response = await post('/plans/preview?fileName=lianyun.yaml', broken);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_plan');
    const lines = broken.split('\n');
    const reference = response.body.problems.find((p: { path: string }) => p.path.endsWith('responsible.co[0]'));
    expect(reference).toMatchObject({ file: 'lianyun.yaml', path: 'phases[0].deliverables[0].responsible.co[0]' });
    expect(lines[reference.line - 1]).toContain('educaton-work-committee');
    const kind = response.body.problems.find((p: { path: string }) => p.path === 'phases[1].kind');
    expect(lines[kind.line - 1]).toContain('theme-yaer');
    expect(kind.column).toBe(lines[kind.line - 1].indexOf('theme-yaer') + 1);
    expect(await eventCount()).toBe(before);
  });

  it('locates a problem in the departments file in that file', async () => {
    const departments = COUNTY_DEPARTMENTS.replace(/kind: school/, 'kind: 42');
    const response = await call(api.url, 'POST', '/plans/preview', {
      headers: planner, json: { definition: COUNTY, fileName: 'county.yaml', files: { 'county-basic-education-departments.yaml': departments } },
    });
    expect(response.status).toBe(400);
    const inDepartments = response.body.problems.filter((p: { file: string }) => p.file.endsWith('county-basic-education-departments.yaml'));
    expect(inDepartments.length).toBeGreaterThan(0);
    expect(departments.split('\n')[inDepartments[0].line - 1]).toContain('kind: 42');
  });

  it('is for planners and admins only, and refuses a body over 5 MB with a clear 413', async () => {
    for (const roles of [['auditor'], ['department_head']] as const) {
      const headers = await api.authAs({ roles: [...roles], departments: roles[0] === 'department_head' ? ['xugou-primary'] : [] });
      expect((await post('/plans/preview', LIANYUN, headers)).status).toBe(403);
    }
    const admin = await api.authAs({ roles: ['admin'] });
    expect((await post('/plans/preview', LIANYUN, admin)).status).toBe(200);
    const huge = await post('/plans/preview', `${LIANYUN}\n# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'payload_too_large', message: 'the body is larger than 5 MB' });
  });
});

describe('POST /plans/{id}/amendments/preview', () => {
  beforeAll(async () => {
    expect((await post(`/plans?rebase=${REBASE}&planId=${PLAN}`, LIANYUN)).status).toBe(201);
    expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: planner })).status).toBe(200);
    // What the timer worker would have done by now: the bureau's implementation plan (lead and co) and one school's plan issued.
    const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
    const issue = ['norm-year-implementation-plan.lianyun-bureau.once', 'norm-year-implementation-plan.education-work-committee.once', 'norm-year-school-plans.xugou-primary.once'];
    for (const timer of timersForSchedule(schedule!)) {
      if (timer.kind === 'assignment-issue' && timer.target.aggregate === 'assignment' && issue.includes(timer.target.assignmentId)) expect((await fireTimer(api.executor, timer)).ok).toBe(true);
    }
  });

  it('lists, per department, the work the amendment cancels, re-dates and adds, as the amendment then does; and stores nothing', async () => {
    const before = await eventCount();
    const response = await post(`/plans/${PLAN}/amendments/preview?rebase=${REBASE}`, AMENDED);
    expect(response.status).toBe(200);
    const preview = amendmentPreviewAnswer.parse(response.body);
    expect(await eventCount()).toBe(before);
    // Rebased to 2030, every deadline lies past the holiday table: validate's warning comes with the answer.
    expect(preview.warnings).toEqual([expect.objectContaining({ code: 'holidays-not-covered', line: 0, message: expect.stringMatching(/does not cover 2030, 2031/) })]);
    expect(preview).toMatchObject({ planId: PLAN, amendment: 1, counts: { cancelled: 1, added: 1, redated: SCHOOLS, dropped: 0, phasesMoved: 0 } });
    const committee = preview.departments.find((d) => d.departmentId === 'education-work-committee')!;
    expect(committee.assignments).toEqual([expect.objectContaining({ assignmentId: 'norm-year-implementation-plan.education-work-committee.once', change: 'cancelled', status: 'issued', toDueAt: null })]);
    const research = preview.departments.find((d) => d.departmentId === 'research-office')!;
    expect(research.assignments).toEqual([expect.objectContaining({ change: 'added', status: 'not_issued', fromDueAt: null, toDueAt: '2030-12-31T23:59:59.999+08:00' })]);
    const xugou = preview.departments.find((d) => d.departmentId === 'xugou-primary')!;
    expect(xugou.name).toBe('連云區墟溝小學');
    expect(xugou.assignments[0]).toMatchObject({ change: 'redated', status: 'issued' });
    // 2022-01-15 is a Saturday: the scheduler moved the deadline to the next working day; 2022-02-28 is a Monday. Both rebased.
    expect(Date.parse(xugou.assignments[0].toDueAt!) - Date.parse(xugou.assignments[0].fromDueAt!)).toBeGreaterThan(40 * 86_400_000);

    // The amendment itself decides the same changes.
    const applied = await post(`/plans/${PLAN}/amendments?rebase=${REBASE}&reason=${encodeURIComponent('学校方案推迟至二月底')}`, AMENDED);
    expect(applied.status).toBe(200);
    expect(applied.body.changes.removedAssignmentIds).toEqual(['norm-year-implementation-plan.education-work-committee.once']);
    expect(applied.body.changes.redated).toHaveLength(SCHOOLS);
    expect(applied.body.changes.addedObligations.map((o: { departmentId: string }) => o.departmentId)).toEqual(['research-office']);
  });

  it('says when the id is taken: a published plan must be amended, not imported again', async () => {
    const response = await post(`/plans/preview?rebase=${REBASE}&planId=${PLAN}`, LIANYUN);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ existingStatus: 'published', plan: { planId: PLAN, startsAt: '2030-09-01T00:00:00.000+08:00' } });
  });

  it('refuses what the amendment would refuse: a version that changes nothing (400), an unknown plan (404), a draft (409), located mistakes (400)', async () => {
    const before = await eventCount();
    const same = await post(`/plans/${PLAN}/amendments/preview?rebase=${REBASE}`, AMENDED);
    expect(same.status).toBe(400);
    expect(same.body.problems[0].message).toContain('changes nothing');
    expect((await post('/plans/no-such-plan/amendments/preview', LIANYUN)).status).toBe(404);
    expect((await post('/plans?planId=lianyun-draft', LIANYUN)).status).toBe(201);
    const before2 = await eventCount();
    const draft = await post('/plans/lianyun-draft/amendments/preview', AMENDED);
    expect(draft.status).toBe(409);
    expect(draft.body).toMatchObject({ error: 'invalid_transition', status: 'draft' });
    const broken = await post(`/plans/${PLAN}/amendments/preview?rebase=${REBASE}`, AMENDED.replace('date: 2022-02-28', 'date: 2022-02-30'));
    expect(broken.status).toBe(400);
    expect(broken.body.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(await eventCount()).toBe(before2);
    expect(before2).toBeGreaterThan(before); // only the draft import above wrote
  });
});
