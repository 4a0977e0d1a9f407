import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, expectOk } from '../service/support/http';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';
import { planledger } from './support/run-planledger';

/** Undated phases from the command line (ADR 0019): `simulate --close-phase` and `phase close` against the service. */
const repo = join(__dirname, '..', '..');
const example = 'workflows/examples/ordered-phases.yaml';
const simulate = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/planledger.cjs'), 'simulate', example, ...args], { cwd: repo, encoding: 'utf8' });

describe('planledger simulate --close-phase', () => {
  it('without it, the phase after an undated one never opens, and the timeline says so', () => {
    const run = simulate();
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/PhaseOpened\s+rectify/);
    expect(run.stdout).toContain('phase rectify (全面落实整改阶段) never opened: it opens when self-check closes, which did not happen in this run (simulate --close-phase self-check=YYYY-MM-DD)');
  });

  it('with it, the planner closes the phase at the end of that day and the next opens then', () => {
    const lines = simulate('--json', '--close-phase', 'self-check=2023-12-15').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.type === 'PhaseOpened' && l.phase === 'rectify')).toMatchObject({ at: '2023-12-15T23:59:59.999+08:00' });
  });

  it.each([
    ['a phase the plan does not have', 'review=2023-12-15', /the plan has no phase "review" \(it has: feedback, self-check, rectify, summary\)/],
    ['a value that is not PHASE=DATE', 'self-check:2023-12-15', /is not PHASE=DATE/],
    ['a date that is no calendar date', 'self-check=2023-02-30', /not a calendar date/],
  ])('refuses %s with exit 2 and no stack', (_what, value, message) => {
    const run = simulate('--close-phase', value);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses, with exit 1, closing a phase that is not open at that date', () => {
    const run = simulate('--close-phase', 'rectify=2023-10-01');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refused ClosePhase on phase: cannot ClosePhase phase rectify while it is scheduled');
  });
});

describe('planledger phase close against the running service', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let env: Record<string, string>;
  const port = freePort();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-phase-cli-'));
    service = await ServiceProcess.start({ args: ['--virtual-clock'], port, env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2023-08-30T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `phase-cli-${port}` } });
    const headers = await bearerFor({ dataDir }, { subject: 'planner', roles: ['planner', 'admin'] });
    env = { PLANLEDGER_URL: service.baseUrl!, PLANLEDGER_TOKEN: headers.authorization.slice('Bearer '.length) };
    for (const args of [['plans', 'import', example], ['plans', 'publish', 'example-ordered-phases']]) {
      const run = await planledger(env, ...args);
      if (run.status !== 0) throw new Error(`planledger ${args.join(' ')}: ${run.stderr}`);
    }
    expectOk(await call(service.baseUrl!, 'POST', '/admin/clock', { set: '2023-11-06T09:00:00+08:00' }, headers), 'advance the clock');
  }, 240_000);

  afterAll(async () => {
    if (service) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a phase still waiting, saying why (HTTP 409), then closes the open one and names the next', async () => {
    const waiting = await planledger(env, 'phase', 'close', 'example-ordered-phases', 'rectify');
    expect(waiting.status).toBe(1);
    expect(waiting.stderr).toContain('HTTP 409');
    expect(waiting.stderr).toContain('phase rectify is not open: it is waiting for phase self-check to close');
    expect(waiting.stderr).not.toMatch(/\n\s+at /);
    // The dated stage closed by its date on 31 October; the reactor opened 学校自诊自查阶段 then.
    let closed = await planledger(env, 'phase', 'close', 'example-ordered-phases', 'self-check');
    for (let i = 0; i < 20 && closed.status !== 0 && closed.stderr.includes('has not opened yet'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      closed = await planledger(env, 'phase', 'close', 'example-ordered-phases', 'self-check');
    }
    expect(closed.stderr).toBe('');
    expect(JSON.parse(closed.stdout)).toMatchObject({ planId: 'example-ordered-phases', phaseId: 'self-check', status: 'closed', opensNext: ['rectify'] });
  });
});
