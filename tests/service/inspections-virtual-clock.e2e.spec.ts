import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, expectOk } from './support/http';
import { freePort, ServiceProcess } from './support/service-process';
import { bearerFor } from './support/tokens';

/**
 * Inspections through the service (ADR 0024), PGlite and the virtual clock: the plan's spring
 * inspection is recorded with two findings; each finding's rectification is issued to the school
 * by the reactor, submitted, and accepted by the inspecting unit (its review chain); the inspecting
 * unit records findings, a school cannot; the findings list shows the state now and as of a date;
 * a later finding of the same category is marked repeated.
 */
const PLAN = 'example-inspections';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/inspections.yaml'), 'utf8');
const A1 = 'rectify-spring-check.school-a.finding-1';
const B2 = 'rectify-spring-check.school-b.finding-2';

describe('the service on PGlite with a virtual clock: inspections and rectification', () => {
  let service: ServiceProcess;
  let dataDir: string;
  const port = freePort();
  let bureau: Record<string, string>;
  const headOf = (department: string) => bearerFor({ dataDir }, { subject: `${department}-head`, roles: ['department_head'], departments: [department] });
  const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(service.baseUrl!, method, path, body, headers ?? bureau);
  const advanceTo = async (iso: string) => expectOk(await api('POST', '/admin/clock', { set: iso }), `advance to ${iso}`);
  /** The reactor issues the rectification after the finding is stored: wait for it (a few hundred ms at most). */
  const issued = async (assignmentId: string) => {
    for (let i = 0; i < 100; i++) {
      const reply = await api('GET', `/assignments/${PLAN}.${assignmentId}`);
      if (reply.status === 200) return reply.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${assignmentId} was never issued`);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-e2e-inspections-'));
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2023-08-28T09:00:00+08:00', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_NAME: `e2e-inspections-${port}` },
    });
    bureau = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    expect((await api('POST', '/plans', yaml)).status).toBe(201);
    expect((await api('POST', `/plans/${PLAN}/publish`)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (service) expect(await service.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records the planned inspection with the plan\'s inspecting unit and schools', async () => {
    await advanceTo('2024-03-12T16:00:00+08:00');
    const answer = expectOk(await api('POST', `/plans/${PLAN}/inspections`, { inspectionId: 'spring-check', date: '2024-03-12' }), 'record inspection');
    expect(answer).toMatchObject({ inspectingUnitId: 'supervision', unitIds: ['school-a', 'school-b'], scheduled: true });
    expect((await api('POST', `/plans/${PLAN}/inspections`, { inspectionId: 'spring-check', date: '2024-03-12' })).status).toBe(400);
  });

  it('the inspecting unit and a planner record two findings; a school cannot; each issues a rectification reviewed by the inspecting unit', async () => {
    const byInspector = await api('POST', `/plans/${PLAN}/inspections/spring-check/findings`, { unitId: 'school-a', text: '作业公示制度落实不到位', code: 'homework' }, await headOf('supervision'));
    const first = expectOk(byInspector, 'finding by 督导室');
    expect(first).toMatchObject({ findingId: 'spring-check-1', rectificationAssignmentId: A1, repeatOf: null });
    expect(Date.parse(first.dueAt)).toBe(Date.parse('2024-04-11T16:00:00+08:00')); // the plan's 30 days
    const bySchool = await api('POST', `/plans/${PLAN}/inspections/spring-check/findings`, { unitId: 'school-b', text: '自查' }, await headOf('school-a'));
    expect(bySchool.status).toBe(400);
    expect(JSON.stringify(bySchool.body)).toContain('inspecting unit supervision');
    expectOk(await api('POST', `/plans/${PLAN}/inspections/spring-check/findings`, { unitId: 'school-b', text: '课后服务台账不全', dueDate: '2024-04-30' }), 'finding by planner');
    expect(await issued(A1)).toMatchObject({ departmentId: 'school-a', status: 'issued' });
    const b2 = await issued(B2);
    expect(b2).toMatchObject({ departmentId: 'school-b' });
    expect(Date.parse(b2.dueAt)).toBe(Date.parse('2024-04-30T23:59:59.999+08:00')); // the date given, end of day
  });

  it('the school rectifies, the inspecting unit accepts: the review chain of the finding', async () => {
    await advanceTo('2024-03-20T10:00:00+08:00');
    expectOk(await api('POST', `/assignments/${PLAN}.${A1}/submit`, { note: '已在校门口和班级群公示作业', attachments: [] }, await headOf('school-a')), 'school-a submits');
    expect((await api('POST', `/assignments/${PLAN}.${A1}/accept`, { note: '通过' }, await headOf('school-b'))).status).toBe(403);
    await advanceTo('2024-03-22T10:00:00+08:00');
    expectOk(await api('POST', `/assignments/${PLAN}.${A1}/accept`, { note: '整改到位' }, await headOf('supervision')), '督导室 accepts');
    expect(await issued(A1)).toMatchObject({ status: 'accepted' });
  });

  it('lists the findings now and as of a business date, per unit; a school sees its own', async () => {
    const now = expectOk(await api('GET', `/plans/${PLAN}/findings`), 'findings now');
    expect(now.findings.map((f: { findingId: string; rectification: { status: string } }) => [f.findingId, f.rectification.status])).toEqual([['spring-check-1', 'accepted'], ['spring-check-2', 'issued']]);
    expect(now.byUnit).toEqual([
      { unitId: 'school-a', name: '实验小学', findings: 1, repeated: 0, rectified: 1, overdue: 0 },
      { unitId: 'school-b', name: '第一中学', findings: 1, repeated: 0, rectified: 0, overdue: 0 },
    ]);
    const then = expectOk(await api('GET', `/plans/${PLAN}/findings?asOf=2024-03-21&asOfBasis=business`), 'findings as of 21 March');
    expect(then.findings[0].rectification.status).toBe('submitted');
    expect(expectOk(await api('GET', `/plans/${PLAN}/findings?asOf=2024-03-11&asOfBasis=business`), 'before').findings).toEqual([]);
    const own = expectOk(await api('GET', `/plans/${PLAN}/findings`, undefined, await headOf('school-b')), 'school-b\'s own');
    expect(own.findings.map((f: { unit: { id: string } }) => f.unit.id)).toEqual(['school-b']);
  });

  it('an unannounced inspection\'s finding of the same category for the same school is marked repeated', async () => {
    await advanceTo('2024-05-15T16:00:00+08:00');
    expectOk(await api('POST', `/plans/${PLAN}/inspections`, { inspectionId: 'walk', date: '2024-05-15', inspectingUnitId: 'supervision', unitIds: ['school-a'] }), 'walk');
    const again = expectOk(await api('POST', `/plans/${PLAN}/inspections/walk/findings`, { unitId: 'school-a', text: '作业总量仍然超标', code: 'homework', rectificationDays: 15 }), 'repeat');
    expect(again).toMatchObject({ findingId: 'walk-1', repeatOf: 'spring-check-1' });
    const list = expectOk(await api('GET', `/plans/${PLAN}/findings?unit=school-a`), 'school-a findings');
    expect(list.findings.map((f: { repeatOf: string | null }) => f.repeatOf)).toEqual([null, 'spring-check-1']);
    expect(list.byUnit).toEqual([{ unitId: 'school-a', name: '实验小学', findings: 2, repeated: 1, rectified: 1, overdue: 0 }]);
  });
});
