import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedStreams } from '../equivalence/support/service-replay';
import { call, expectOk } from './support/http';
import { freePort, ServiceProcess } from './support/service-process';
import { bearerFor } from './support/tokens';

/**
 * Issue #13 item 6: the service (api and worker) reads the deployer's PLANLEDGER_HOLIDAYS_FILE at
 * start, as `planledger validate` and `simulate` do: a plan it drafts is compiled with those days,
 * and a missing file stops it in one line before anything opens.
 */
const repo = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'planledger-holidays-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startFails(app: 'api' | 'worker', env: Record<string, string>) {
  const { JEST_WORKER_ID: _jest, ...parentEnv } = process.env;
  return spawnSync(process.execPath, [join(repo, 'bin/planledger-service.cjs'), app], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...parentEnv, DATA_DIR: join(dir, `data-${app}`), PORT: String(freePort()), HOST: '127.0.0.1', REDIS_URL: 'redis://127.0.0.1:6379', ...env },
  });
}

describe('PLANLEDGER_HOLIDAYS_FILE in the service', () => {
  it.each(['api', 'worker'] as const)('the %s refuses to start with a missing file, in one line naming the variable', (app) => {
    const missing = join(dir, 'no-such-holidays.yaml');
    const run = startFails(app, { PLANLEDGER_HOLIDAYS_FILE: missing });
    expect(run.status).toBe(2);
    const name = app === 'api' ? 'planledger' : 'planledger worker';
    // (A fresh checkout's first api start builds the web app first and says so.)
    const lines = run.stderr.trim().split('\n').filter((line) => !/web app (\(apps\/web\) …|built in)/.test(line));
    expect(lines).toEqual([`${name}: PLANLEDGER_HOLIDAYS_FILE=${missing}: no such file`]);
  }, 120_000);

  it('the api refuses a bad file with its line', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'days:\n  - { date: 2027-06-31, kind: holiday, name: 假日 }\n');
    const run = startFails('api', { PLANLEDGER_HOLIDAYS_FILE: bad });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad}:2:`);
    expect(run.stderr).toContain('days[0].date: not a real calendar date');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a plan the api drafts is compiled with the file: a made-up 2027 holiday moves its due date', async () => {
    const holidays = join(dir, 'holidays-2027.yaml');
    writeFileSync(holidays, 'days:\n  - { date: 2027-06-30, kind: holiday, name: 测试假日, notice: 测试〔2026〕1号 }\n');
    const plan = readFileSync(join(repo, 'workflows/examples/basics.yaml'), 'utf8')
      .replace('fromSchoolYear: 2023, toSchoolYear: 2023', 'fromSchoolYear: 2026, toSchoolYear: 2026')
      .replace('schoolYear: 2023 }', 'schoolYear: 2026 }')
      .replace('issueDate: 2023-08-20', 'issueDate: 2026-08-20');
    const dataDir = join(dir, 'data-with-file');
    const port = freePort();
    const service = await ServiceProcess.start({
      port,
      args: ['--virtual-clock'],
      env: { DATA_DIR: dataDir, PLANLEDGER_HOLIDAYS_FILE: holidays, VIRTUAL_CLOCK_START: '2026-08-25T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `holidays-${port}` },
    });
    try {
      const planner = await bearerFor({ dataDir }, { subject: 'bureau', roles: ['planner'], departments: ['bureau'] });
      expectOk(await call(service.baseUrl!, 'POST', '/plans', { definition: plan, fileName: 'basics-2026.yaml' }, planner), 'draft');
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const drafted = [...(await recordedStreams(dataDir)).values()].flat().find((e) => e.type === 'PlanDrafted');
    const { schedule } = drafted!.data as { schedule: { obligations: { assignmentId: string; dueAt: string }[]; holidayCalendar?: { coveredYears: number[] } } };
    const reports = schedule.obligations.filter((o) => o.assignmentId.startsWith('yearly-report.'));
    expect(reports.map((o) => o.dueAt)).toEqual(['2027-07-01T23:59:59.999+08:00', '2027-07-01T23:59:59.999+08:00']);
    expect(schedule.holidayCalendar?.coveredYears).toContain(2027);
  }, 180_000);
});
