import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, expectOk } from './support/http';
import { freePort, ServiceProcess } from './support/service-process';
import { bearerFor } from './support/tokens';

/**
 * The whole product on the embedded default (PGlite, one process), driven by the virtual clock:
 * import and publish the Lianyun plan, watch theme years open and close on their dates, one
 * school miss a deadline (reminders → overdue → escalation), another deliver in time.
 */
const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const LATE_WORK = 'norm-year-school-plans.xugou-primary.once'; // due 2022-01-17, reviewed by liaison-deputy-1
const ON_TIME_WORK = 'norm-year-school-plans.haibin-primary.once'; // due 2022-01-17, reviewed by liaison-deputy-2

describe('the service on PGlite with a virtual clock: Lianyun plan', () => {
  let service: ServiceProcess;
  let dataDir: string;
  const port = freePort();
  /** The bureau's planner, who also holds the admin role that moves the virtual clock. */
  let bureau: Record<string, string>;
  const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(service.baseUrl!, method, path, body, headers ?? bureau);
  const advanceTo = async (iso: string) => expectOk(await api('POST', '/admin/clock', { set: iso }), `advance to ${iso}`);
  const historyTypes = async (assignmentId: string) =>
    (expectOk(await api('GET', `/assignments/${assignmentId}/history`), 'history') as { events: { type: string }[] }).events.map((e) => e.type);
  const phaseStatus = async () => {
    const plan = expectOk(await api('GET', `/plans/${PLAN}`), 'plan') as { phases: { phaseId: string; status: string }[] };
    return Object.fromEntries(plan.phases.map((p) => [p.phaseId, p.status]));
  };
  const inbox = async (department: string) =>
    (expectOk(await api('GET', `/departments/${department}/inbox`), 'inbox') as { items: { assignmentId: string; overdue: boolean; dueAt: string }[] }).items;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-e2e-'));
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `e2e-lianyun-${port}` },
    });
    bureau = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
  }, 120_000);

  afterAll(async () => {
    if (service) expect(await service.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('printed an admin token on first start and keeps it in DATA_DIR/admin-token (0600)', async () => {
    const file = join(dataDir, 'admin-token');
    expect(service.log).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const admin = { authorization: `Bearer ${readFileSync(file, 'utf8').trim()}` };
    expect(expectOk(await api('GET', '/admin/people', undefined, admin), 'people').people).toEqual([expect.objectContaining({ personId: 'admin', roles: ['admin'] })]);
    expect((await api('POST', '/plans', yaml, {})).status).toBe(401);
  });

  it('imports and publishes the plan; nothing is issued before the first theme year opens', async () => {
    expect((await api('POST', '/plans', yaml)).status).toBe(201);
    expect((await api('POST', `/plans/${PLAN}/publish`)).status).toBe(200);
    await advanceTo('2021-08-31T12:00:00+08:00');
    expect(await phaseStatus()).toEqual({ 'norm-year': 'scheduled', 'improvement-year': 'scheduled', 'effectiveness-year': 'scheduled' });
    expect(await inbox('xugou-primary')).toEqual([]);
  });

  it('opens the norm year on 1 September 2021 and issues work to each school', async () => {
    await advanceTo('2021-09-01T08:00:00+08:00');
    expect((await phaseStatus())['norm-year']).toBe('open');
    const items = await inbox('xugou-primary');
    expect(items.map((i) => i.assignmentId)).toContain(LATE_WORK);
    expect(items.every((i) => !i.overdue)).toBe(true);
  });

  it('work accepted before its deadline is never marked overdue', async () => {
    const act = async (action: string, body: unknown, department: string) =>
      api('POST', `/assignments/${ON_TIME_WORK}/${action}`, body, await bearerFor({ dataDir }, { subject: `${department}-head`, roles: ['department_head'], departments: [department] }));
    expectOk(await act('submit', { note: '规范年工作方案', attachments: [{ name: 'plan.pdf', ref: 'files/haibin/plan.pdf' }] }, 'haibin-primary'), 'submit');
    expectOk(await act('accept', { note: '审核通过' }, 'liaison-deputy-2'), 'liaison accepts');
    expectOk(await act('accept', { note: '同意' }, 'leading-group-office'), 'office accepts');
    expect(await historyTypes(ON_TIME_WORK)).toEqual(expect.arrayContaining(['AssignmentIssued', 'AssignmentSubmitted', 'AssignmentReviewPassed', 'AssignmentAccepted']));
  });

  it('a school that misses its deadline gets reminders, is marked overdue, then escalated, and its inbox puts that work first', async () => {
    await advanceTo('2022-01-17T08:00:00+08:00'); // reminders 7 days and 1 day before 17 January 23:59
    expect((await historyTypes(LATE_WORK)).filter((t) => t === 'AssignmentReminderDue')).toHaveLength(2);
    await advanceTo('2022-02-01T08:00:00+08:00');
    const types = await historyTypes(LATE_WORK);
    const order = ['AssignmentIssued', 'AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated'].map((t) => types.indexOf(t));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]))).toBe(true);
    const items = await inbox('xugou-primary');
    expect(items[0].assignmentId).toBe(LATE_WORK);
    expect(items[0].overdue).toBe(true);
    expect(await historyTypes(ON_TIME_WORK)).not.toContain('AssignmentOverdue');
  });

  it('closes the norm year and opens the improvement year on their dates', async () => {
    await advanceTo('2022-09-01T08:00:00+08:00');
    expect(await phaseStatus()).toEqual(expect.objectContaining({ 'norm-year': 'closed', 'improvement-year': 'open', 'effectiveness-year': 'scheduled' }));
  });

  it('counts commands, timers and projection lag in /metrics', async () => {
    const metrics = (await api('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/planledger_timers_fired_total\{kind="assignment-issue",outcome="accepted"\} [1-9]\d*/);
    expect(metrics).toMatch(/planledger_commands_total\{type="SubmitAssignment",outcome="accepted"\} 1/);
    expect(metrics).toMatch(/planledger_timers_scheduled_total [1-9]/);
    expect(metrics).toContain('planledger_projection_lag_events');
  });

  it('keeps everything across a restart', async () => {
    const before = expectOk(await api('GET', `/plans/${PLAN}/history`), 'history') as { events: unknown[] };
    expect(await service.stop()).toBe(0);
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `e2e-lianyun-${port}` },
    });
    const after = expectOk(await api('GET', `/plans/${PLAN}/history`), 'history') as { events: unknown[] };
    expect(after.events).toEqual(before.events);
    expect((expectOk(await api('GET', '/admin/clock'), 'clock') as { now: string }).now).toBe('2022-09-01T08:00:00.000+08:00');
  }, 120_000);
});
