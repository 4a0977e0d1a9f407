/*
 * npm run bench:api — the HTTP api under a fixed request rate, each route beside the ceiling of the
 * same process at the same rate (GET /health: routing, auth-free, no query):
 *   inbox     GET /departments/{id}/inbox of a school holding Lianyun work
 *   summary   GET /plans/{id}/summary (phases, progress counts; no assignment list)
 *   command   POST /assignments/{id}/progress with a fresh Idempotency-Key per request
 * The service is real processes (bin/planledger-service.cjs: an api process with the projections and
 * a worker process) on PostgreSQL (a database the bench creates and drops; DATABASE_URL names the maintenance database)
 * or PGlite (BENCH_STORE=pglite), under the virtual clock, with the Lianyun plan published and its
 * first school year's work issued. Traffic goes to 127.0.0.1 only; every phase stops by itself.
 * Environment: BENCH_RATE (200 requests/s), BENCH_SECONDS (10 per route), BENCH_CONNECTIONS (20),
 * BENCH_STORE (postgres | pglite), REDIS_URL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { generateSigningKeyPem, issueToken, loadSigningKeys } from '@planledger/auth';
import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the bench starts the service the way the e2e tests do
import { freePort, ServiceProcess } from '../../tests/service/support/service-process';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const STORE = (process.env.BENCH_STORE ?? 'postgres') as 'postgres' | 'pglite';
const PLAN = 'lianyun-quality-2021-2024';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Figure {
  route: string;
  p50: number;
  p99: number;
  rate: number;
  non2xx: number;
  errors: number;
}

async function measure(route: string, baseUrl: string, request: autocannon.Request, headers: Record<string, string>): Promise<Figure> {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: SECONDS,
    headers,
    requests: [request],
  });
  return {
    route,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rate: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function json<T>(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': typeof body === 'string' ? 'application/yaml' : 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planledger-bench-api-'));
  const privateKeyFile = join(dir, 'token-signing.pem');
  writeFileSync(privateKeyFile, (await generateSigningKeyPem()).privatePem, { mode: 0o600 });
  let database: TestDatabase | undefined;
  if (STORE === 'postgres') database = await createTestDatabase('bench-api');
  const port = freePort();
  log(`starting the service on ${STORE} (port ${port}) …`);
  const env = {
    DATA_DIR: join(dir, 'data'),
    AUTH_PRIVATE_KEY_FILE: privateKeyFile,
    ...(database && { DATABASE_URL: database.url }),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_NAME: `bench-api-${randomUUID().slice(0, 8)}`,
    VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
    VIRTUAL_CLOCK: 'true',
  };
  // On PostgreSQL as deployed (README, several processes): the api answers, a worker fires timers.
  // PGlite belongs to one process, so there everything runs in the one `npm start` process.
  const service = await ServiceProcess.start({ port, args: database ? ['--roles', 'api,projections'] : [], env });
  let worker: ServiceProcess | undefined;
  const baseUrl = service.baseUrl!;
  try {
    if (database) worker = await ServiceProcess.start({ app: 'worker', env: { ...env, LOG_LEVEL: 'info' } });
    const keys = await loadSigningKeys({ dataDir: dir, privateKeyFile, createIfMissing: false });
    const bearer = async (subject: string, roles: ('planner' | 'admin' | 'department_head')[], departments: string[] = []) =>
      ({ authorization: `Bearer ${(await issueToken(keys, { subject, name: subject, roles, departments, lifetimeSeconds: 3600 })).token}` });
    const planner = await bearer('bureau-office', ['planner', 'admin']);

    log('importing and publishing the Lianyun plan, advancing to 2021-09-02 …');
    await json(baseUrl, 'POST', '/plans', planner, readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8'));
    await json(baseUrl, 'POST', `/plans/${PLAN}/publish`, planner);
    await json(baseUrl, 'POST', '/admin/clock', planner, { set: '2021-09-02T09:00:00+08:00' });

    type Page = { assignments: { assignmentId: string; departmentId: string; status: string }[] };
    const page = await json<Page>(baseUrl, 'GET', `/plans/${PLAN}?status=issued&limit=500`, planner);
    const byDepartment = new Map<string, string[]>();
    for (const a of page.assignments) byDepartment.set(a.departmentId, [...(byDepartment.get(a.departmentId) ?? []), a.assignmentId]);
    const [department, held] = [...byDepartment.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const head = await bearer(`head-of-${department}`, ['department_head'], [department]);
    for (const id of held) await json(baseUrl, 'POST', `/assignments/${id}/acknowledge?planId=${PLAN}`, head);
    log(`${page.assignments.length} assignments issued; ${department} holds ${held.length}: measuring at ${RATE} requests/s, ${SECONDS} s each …`);

    let next = 0;
    const figures: Figure[] = [];
    figures.push(await measure('GET /health (ceiling)', baseUrl, { method: 'GET', path: '/health' }, {}));
    figures.push(await measure(`GET /departments/${department}/inbox`, baseUrl, { method: 'GET', path: `/departments/${department}/inbox` }, head));
    figures.push(await measure(`GET /plans/${PLAN}/summary`, baseUrl, { method: 'GET', path: `/plans/${PLAN}/summary` }, planner));
    figures.push(await measure('POST /assignments/{id}/progress', baseUrl, {
      method: 'POST',
      setupRequest: (request) => {
        const id = held[next++ % held.length];
        return {
          ...request,
          path: `/assignments/${id}/progress?planId=${PLAN}`,
          headers: { ...request.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ note: 'bench progress note' }),
        };
      },
    }, head));

    const ceiling = figures[0];
    console.log(`bench:api on ${STORE}, ${RATE} requests/s asked, ${CONNECTIONS} connections, ${SECONDS} s per route`);
    console.log('route'.padEnd(48) + 'p50 ms'.padStart(8) + 'p99 ms'.padStart(8) + 'rate/s'.padStart(9) + '  non-2xx  errors  (ceiling p50/p99)');
    for (const f of figures) {
      console.log(f.route.padEnd(48) + String(f.p50).padStart(8) + String(f.p99).padStart(8) + f.rate.toFixed(0).padStart(9) +
        String(f.non2xx).padStart(9) + String(f.errors).padStart(8) + `  (${ceiling.p50}/${ceiling.p99})`);
    }
    if (figures.some((f) => f.non2xx > 0 || f.errors > 0)) process.exitCode = 1;
  } finally {
    await service.stop();
    await worker?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:api failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
