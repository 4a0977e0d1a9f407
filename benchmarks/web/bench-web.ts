/*
 * npm run bench:web — the web app on the synthetic benchmark plan (200 schools × 60 measures, the
 * plan bench:simulate runs): the time from navigation to 我的待办 showing its data, cold (a new
 * browser context: nothing cached) and warm (a reload: hashed assets cached), for the bureau's head
 * (every school's work in reach), beside the ceiling measured in the same run: the raw
 * GET /me/inbox the page waits for. Then the planners' plan page (/app/plans/synthetic-county, issue
 * 14) the same way, signed in as a planner: time to the timeline and the matrix showing their data,
 * cold and warm, beside its ceiling (the raw GET of its timeline and matrix routes, in parallel as
 * the page asks for them). Then the app's initial JavaScript, gzipped: every .js file the
 * browser fetched for the first cold load of 我的待办 (the entry, its preloaded chunks; not the lazy
 * pages it did not visit), each gzipped at level 9 the way scripts/build-web.cjs precompresses it.
 * The service is bin/planledger-service.cjs (PGlite, virtual clock) in a temporary DATA_DIR;
 * Chromium is Debian's (/usr/bin/chromium, CHROMIUM_PATH). Environment: BENCH_ROUNDS (5).
 * Then the auditors' as-of pages on the same plan, signed in as an auditor: an assignment page as of
 * a moment (the server folds that assignment's own streams) and a department's page as of a moment
 * (the server replays the plan's and phases' streams and the department's assignments, ADR 0012),
 * each from navigation to the banner and the data shown, beside the raw GET each waits for and,
 * for the department's, the service's CPU time for it (/proc: what the request cost, whatever
 * else the shared machine ran).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { syntheticPlan } from '../simulate/synthetic-plan';
/* eslint-disable @nx/enforce-module-boundaries -- the bench starts the service the way the e2e tests do */
import { call, expectOk } from '../../tests/service/support/http';
import { freePort, ServiceProcess } from '../../tests/service/support/service-process';
import { bearerFor } from '../../tests/service/support/tokens';
/* eslint-enable @nx/enforce-module-boundaries */

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/**
 * CPU time (user + system, ms) the process has used so far, from /proc (Linux; clock ticks of
 * 10 ms): what a request cost the service whatever else the shared machine was running. The
 * service runs PGlite in its own process, so the database's work is counted too.
 */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** A person registered through the admin route, with a password set through their invitation: their session cookie. */
async function cookieOf(baseUrl: string, admin: Record<string, string>, person: { id: string; name: string; roles: string[]; departments: string[] }, password: string): Promise<string> {
  const registered = expectOk(await call(baseUrl, 'POST', '/admin/people', person, admin), `register ${person.id}`) as { invitationUrl: string };
  const token = new URL(registered.invitationUrl).pathname.split('/').pop();
  const signedIn = await fetch(`${baseUrl}/invitations/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  return `planledger_session=${/planledger_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')![1]}`;
}

void (async () => {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.cjs')], { stdio: 'inherit' });
  const dist = join(root, 'apps', 'web', 'dist');
  const scripts = new Set<string>();
  const encodings = new Map<string, string>(); // script → Content-Encoding the service answered with

  const dataDir = mkdtempSync(join(tmpdir(), 'planledger-bench-web-'));
  const port = freePort();
  const service = await ServiceProcess.start({
    port, args: ['--virtual-clock'],
    env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2021-08-25T09:00:00+08:00', REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', QUEUE_NAME: `bench-web-${port}` },
  });
  const baseUrl = service.baseUrl!;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const planner = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    log('importing and publishing the synthetic plan (200 schools × 60 measures), advancing to 2021-10-20 …');
    const step = async (what: string, run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await step('import', async () => expectOk(await call(baseUrl, 'POST', '/plans', syntheticPlan(60, 200), planner), 'import'));
    await step('publish', async () => expectOk(await call(baseUrl, 'POST', '/plans/synthetic-county/publish?confirmPastDue=true', undefined, planner), 'publish'));
    // A week at a time: on a loaded machine one jump of eight weeks of timers can outlast fetch's 300 s wait for an answer.
    for (const day of ['2021-09-01', '2021-09-08', '2021-09-15', '2021-09-22', '2021-09-29', '2021-10-06', '2021-10-13', '2021-10-20']) {
      await step(`advance to ${day}`, async () => expectOk(await call(baseUrl, 'POST', '/admin/clock', { set: `${day}T09:00:00+08:00` }, planner), 'advance'));
    }
    const registered = expectOk(await call(baseUrl, 'POST', '/admin/people', { id: 'bureau.head', name: '县局长', roles: ['department_head'], departments: ['bureau'] }, planner), 'register') as { invitationUrl: string };
    const token = new URL(registered.invitationUrl).pathname.split('/').pop();
    const signedIn = await fetch(`${baseUrl}/invitations/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'Bench-Bureau-Head-2021' }) });
    const cookie = /planledger_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')![1];
    // The projections follow the store: wait until the inbox counts stop growing.
    let open = -1;
    for (;;) {
      const inbox = expectOk(await call(baseUrl, 'GET', '/me/inbox', undefined, { cookie: `planledger_session=${cookie}` }), 'inbox') as { counts: { open: number } };
      if (inbox.counts.open === open && open > 0) break;
      open = inbox.counts.open;
      await new Promise((r) => setTimeout(r, 1000));
    }
    log(`the bureau head's inbox: ${open} open assignments (lists hold at most 100 per group)`);
    const plannerCookie = await cookieOf(baseUrl, planner, { id: 'bench.planner', name: '规划科', roles: ['planner'], departments: [] }, 'Bench-Planner-Office-2021');
    const planApi = ['/progress/plans/synthetic-county/timeline', '/progress/plans/synthetic-county/matrix?by=measure&sort=overdue&offset=0&limit=50'];
    // The first read after the plan changed reads its schedule tallies (then kept per schedule version): measured apart, once.
    const t0First = performance.now();
    const cpuFirst = cpuMs(service.pid);
    await Promise.all(planApi.map(async (path) => (await fetch(`${baseUrl}${path}`, { headers: { cookie: plannerCookie } })).arrayBuffer()));
    const firstPlanRead = performance.now() - t0First;
    const firstPlanReadCpu = cpuMs(service.pid) - cpuFirst;

    const raw: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const planRaw: number[] = [];
    const planCold: number[] = [];
    const planWarm: number[] = [];
    let planBytes = 0;
    let marks = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const answer = await fetch(`${baseUrl}/me/inbox`, { headers: { cookie: `planledger_session=${cookie}` } });
      await answer.arrayBuffer();
      raw.push(performance.now() - started);

      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addCookies([{ name: 'planledger_session', value: cookie, url: baseUrl }]);
      const page = await context.newPage();
      if (round === 0) page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/app/assets/') && path.endsWith('.js')) scripts.add(path.slice('/app/'.length));
      });
      if (round === 0) page.on('response', async (response) => {
        const path = new URL(response.url()).pathname;
        if (path.startsWith('/app/assets/') && path.endsWith('.js')) encodings.set(path, (await response.allHeaders())['content-encoding'] ?? 'identity');
      });
      let t0 = performance.now();
      await page.goto(`${baseUrl}/app/`);
      await page.getByTestId('inbox-ready').waitFor({ timeout: 60_000 });
      cold.push(performance.now() - t0);
      t0 = performance.now();
      await page.reload();
      await page.getByTestId('inbox-ready').waitFor({ timeout: 60_000 });
      warm.push(performance.now() - t0);
      await context.close();

      t0 = performance.now();
      await Promise.all(planApi.map(async (path) => (await fetch(`${baseUrl}${path}`, { headers: { cookie: plannerCookie } })).arrayBuffer()));
      planRaw.push(performance.now() - t0);
      const planContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await planContext.addCookies([{ name: 'planledger_session', value: plannerCookie.split('=')[1], url: baseUrl }]);
      const planPage = await planContext.newPage();
      t0 = performance.now();
      await planPage.goto(`${baseUrl}/app/plans/synthetic-county`);
      await Promise.all([planPage.getByTestId('timeline-ready').waitFor({ timeout: 60_000 }), planPage.getByTestId('matrix-ready').waitFor({ timeout: 60_000 })]);
      planCold.push(performance.now() - t0);
      t0 = performance.now();
      await planPage.reload();
      await Promise.all([planPage.getByTestId('timeline-ready').waitFor({ timeout: 60_000 }), planPage.getByTestId('matrix-ready').waitFor({ timeout: 60_000 })]);
      planWarm.push(performance.now() - t0);
      if (round === 0) {
        const sizes = await Promise.all(planApi.map(async (path) => (await (await fetch(`${baseUrl}${path}`, { headers: { cookie: plannerCookie, 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength));
        planBytes = sizes.reduce((a, b) => a + b, 0);
        const timeline = (await (await fetch(`${baseUrl}${planApi[0]}`, { headers: { cookie: plannerCookie } })).json()) as { marks: unknown[] };
        marks = timeline.marks.length;
      }
      await planContext.close();
    }
    // The auditors' as-of pages (issue 14): an auditor with a session; the moment is now on recorded
    // time, so that every event of the plan is replayed (the most a replay of this plan can cost).
    const auditorInvite = expectOk(await call(baseUrl, 'POST', '/admin/people', { id: 'bench.auditor', name: '审计员', roles: ['auditor'] }, planner), 'register auditor') as { invitationUrl: string };
    const auditorSignedIn = await fetch(`${baseUrl}/invitations/${new URL(auditorInvite.invitationUrl).pathname.split('/').pop()}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'Bench-Auditor-2021-Ledger' }) });
    const auditorCookie = /planledger_session=([^;]+)/.exec(auditorSignedIn.headers.get('set-cookie') ?? '')![1];
    const sample = expectOk(await call(baseUrl, 'GET', '/plans/synthetic-county?limit=1', undefined, planner), 'a sample assignment') as { assignments: { ref: string; departmentId: string }[] };
    const [{ ref, departmentId }] = sample.assignments;
    const moment = encodeURIComponent(new Date().toISOString());
    const asOfQuery = `asOf=${moment}`;
    const rawAssignment: number[] = [];
    const rawDepartment: number[] = [];
    const rawDepartmentCpu: number[] = [];
    const assignmentPage: number[] = [];
    const departmentPage: number[] = [];
    const asAuditor = { headers: { cookie: `planledger_session=${auditorCookie}` } };
    for (let round = 0; round < ROUNDS; round++) {
      let t0 = performance.now();
      const assignmentAnswer = await fetch(`${baseUrl}/assignments/${encodeURIComponent(ref)}?asOf=${moment}`, asAuditor);
      if (!assignmentAnswer.ok) throw new Error(`GET /assignments/${ref}?asOf= answered ${assignmentAnswer.status}`);
      await assignmentAnswer.arrayBuffer();
      rawAssignment.push(performance.now() - t0);
      t0 = performance.now();
      const cpu0 = cpuMs(service.pid);
      const departmentAnswer = await fetch(`${baseUrl}/plans/synthetic-county?department=${departmentId}&limit=500&asOf=${moment}`, asAuditor);
      if (!departmentAnswer.ok) throw new Error(`GET /plans/synthetic-county?asOf= answered ${departmentAnswer.status}`);
      await departmentAnswer.arrayBuffer();
      rawDepartment.push(performance.now() - t0);
      rawDepartmentCpu.push(cpuMs(service.pid) - cpu0);
      log(`  round ${round + 1}: raw GET /assignments/{id}?asOf= ${rawAssignment[round].toFixed(0)} ms, raw GET /plans/{id}?department=&asOf= ${rawDepartment[round].toFixed(0)} ms (service CPU ${rawDepartmentCpu[round].toFixed(0)} ms)`);

      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addCookies([{ name: 'planledger_session', value: auditorCookie, url: baseUrl }]);
      const page = await context.newPage();
      t0 = performance.now();
      await page.goto(`${baseUrl}/app/assignments/${encodeURIComponent(ref)}?${asOfQuery}`);
      await page.getByTestId('as-of-banner').waitFor({ timeout: 60_000 });
      await page.getByTestId('measure-title').waitFor({ timeout: 60_000 });
      assignmentPage.push(performance.now() - t0);
      t0 = performance.now();
      await page.goto(`${baseUrl}/app/audit/departments/${departmentId}?plan=synthetic-county&${asOfQuery}`);
      await page.getByTestId('as-of-banner').waitFor({ timeout: 180_000 });
      await page.locator('[data-testid="department-assignments"] tbody tr.ant-table-row').first().waitFor({ timeout: 180_000 });
      departmentPage.push(performance.now() - t0);
      await context.close();
    }
    const jsGzip = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
    const [l1, l5] = loadavg();
    log('');
    log(`load average ${l1.toFixed(2)} (1 min) ${l5.toFixed(2)} (5 min), ${ROUNDS} rounds, medians:`);
    log(`  ceiling: raw GET /me/inbox             ${median(raw).toFixed(0).padStart(6)} ms`);
    log(`  我的待办 showing its data, cold        ${median(cold).toFixed(0).padStart(6)} ms   (aim < 1500 ms)`);
    log(`  我的待办 showing its data, warm        ${median(warm).toFixed(0).padStart(6)} ms   (aim < 1500 ms)`);
    log(`  plan page (200 schools): first read of the plan after a change ${firstPlanRead.toFixed(0)} ms (service CPU ${firstPlanReadCpu.toFixed(0)} ms)`);
    log(`  ceiling: raw GET timeline + matrix      ${median(planRaw).toFixed(0).padStart(6)} ms   (${(planBytes / 1024).toFixed(0)} KB, ${marks} timeline marks)`);
    log(`  plan page timeline + matrix shown, cold ${median(planCold).toFixed(0).padStart(6)} ms   (aim < 2000 ms)`);
    log(`  plan page timeline + matrix shown, warm ${median(planWarm).toFixed(0).padStart(6)} ms   (aim < 2000 ms)`);
    log(`  initial JavaScript (${scripts.size} file(s)), gzipped ${(jsGzip / 1024).toFixed(0).padStart(6)} KB   (aim < 500 KB)`);
    log(`  served as: ${[...new Set(encodings.values())].join(', ') || 'none seen'} (Content-Encoding of those files)`);
    log(`  ceiling: raw GET /assignments/{id}?asOf=    ${median(rawAssignment).toFixed(0).padStart(6)} ms   (the assignment's own streams)`);
    log(`  assignment page as of a moment, cold    ${median(assignmentPage).toFixed(0).padStart(6)} ms   (aim < 2000 ms)`);
    log(`  ceiling: raw GET /plans/{id}?department=&asOf= ${median(rawDepartment).toFixed(0).padStart(6)} ms   (service CPU ${median(rawDepartmentCpu).toFixed(0)} ms; the department's streams replayed)`);
    log(`  department page as of a moment          ${median(departmentPage).toFixed(0).padStart(6)} ms   (aim < 2000 ms)`);
    log(`  the first of those raw GETs (the plan stream parsed, then kept per process) ${rawDepartment[0].toFixed(0)} ms (service CPU ${rawDepartmentCpu[0].toFixed(0)} ms)`);
  } finally {
    await browser.close();
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
})().catch((error: Error) => {
  process.stderr.write(`bench:web failed: ${error.message}\n`);
  process.exit(1);
});
