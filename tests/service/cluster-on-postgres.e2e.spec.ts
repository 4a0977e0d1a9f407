import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateSigningKeyPem } from '@planledger/auth';
import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
import { call, expectOk } from './support/http';
import { OwnRedis } from './support/own-redis';
import { freePort, ServiceProcess } from './support/service-process';
import { bearerFor } from './support/tokens';

/**
 * Several processes on PostgreSQL and a Redis of the test's own: two api processes and two
 * workers; a worker killed (-9) in the middle of a burst of due timers; Redis flushed. Whatever
 * happens, every timer's effect is in the store exactly once.
 */
const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');

describe('api and worker processes on PostgreSQL', () => {
  let database: TestDatabase;
  let redis: OwnRedis;
  let sql: Client;
  const apis: ServiceProcess[] = [];
  const workers: ServiceProcess[] = [];
  /** One signing key for every api process (required with DATABASE_URL). */
  const privateKeyFile = join(mkdtempSync(join(tmpdir(), 'planledger-keys-')), 'token-signing.pem');
  let bureau: Record<string, string>;
  const env = () => ({
    AUTH_PRIVATE_KEY_FILE: privateKeyFile,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    VIRTUAL_CLOCK: 'true',
    VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00',
    QUEUE_NAME: 'e2e-cluster',
    // A killed worker's jobs are taken over once their lock expires: keep that short here.
    TIMER_LOCK_SECONDS: '3',
    TIMER_SWEEP_SECONDS: '2',
    WORKER_CONCURRENCY: '10',
    // Small buckets, so that the burst of 207 issues is many jobs and the kill lands in the middle of it.
    TIMER_BUCKET_SIZE: '2',
  });
  const startApi = async () => apis.push(await ServiceProcess.start({ app: 'api', args: ['--roles', 'api,projections'], port: freePort(), env: env() }));
  const startWorker = async () => ServiceProcess.start({ app: 'worker', env: env() });
  const api = (i: number) => (method: string, path: string, body?: unknown) => call(apis[i].baseUrl!, method, path, body, bureau);

  /** Business facts that must never be recorded twice: one per (stream, type, reminder or level). */
  const duplicates = async () =>
    (await sql.query(`select stream, type, data->>'daysBefore' as days, data->>'level' as level, count(*)::int as n
      from event_store_events group by 1, 2, 3, 4 having count(*) > 1 and type not in ('AssignmentProgressReported')`)).rows;
  const countOf = async (type: string) => Number((await sql.query('select count(*) from event_store_events where type = $1', [type])).rows[0].count);

  beforeAll(async () => {
    database = await createTestDatabase('cluster');
    redis = await OwnRedis.start();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    writeFileSync(privateKeyFile, (await generateSigningKeyPem()).privatePem, { mode: 0o600 });
    bureau = await bearerFor({ privateKeyFile }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    await startApi();
    await startApi();
    workers.push(await startWorker(), await startWorker());
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.stop()));
    await sql?.end();
    await redis?.stop();
    await database?.drop();
  });

  it('a worker killed in the middle of a burst: restarted, nothing is lost and nothing duplicated', async () => {
    expect((await api(0)('POST', '/plans', yaml)).status).toBe(201);
    expectOk(await api(1)('POST', `/plans/${PLAN}/publish`), 'publish');
    // 207 assignments and the first theme year fall due at 2021-09-01 00:00.
    const advancing = api(1)('POST', '/admin/clock', { set: '2021-09-01T08:00:00+08:00' });
    await waitFor(async () => (await countOf('AssignmentIssued')) >= 20, 60_000);
    workers[0].kill('SIGKILL');
    await workers[0].exited;
    const issuedWhenKilled = await countOf('AssignmentIssued');
    expect(issuedWhenKilled).toBeLessThan(207); // the burst was still running
    workers[0] = await startWorker();
    expectOk(await advancing, 'advance');
    expect(await countOf('AssignmentIssued')).toBe(207);
    expect(await countOf('PhaseOpened')).toBe(1);
    expect(await duplicates()).toEqual([]);
  }, 240_000);

  it('Redis flushed and the workers restarted: every pending timer comes back and fires once', async () => {
    await Promise.all(workers.map((w) => w.stop()));
    expect(await redis.flushAll()).toContain('OK');
    workers[0] = await startWorker();
    workers[1] = await startWorker();
    // Reminders, overdue marks and escalations of the first deadlines (17 January, 7 February 2022).
    expectOk(await api(0)('POST', '/admin/clock', { set: '2022-03-01T08:00:00+08:00' }), 'advance');
    const issued = await countOf('AssignmentIssued');
    expect(issued).toBeGreaterThan(207);
    const dueBefore = Number((await sql.query(`select count(*) from event_store_events where type = 'AssignmentIssued'
      and (data->'obligation'->>'dueAt')::timestamptz <= '2022-03-01T08:00:00+08:00'`)).rows[0].count);
    expect(dueBefore).toBeGreaterThan(0);
    expect(await countOf('AssignmentOverdue')).toBe(dueBefore);
    expect(await duplicates()).toEqual([]);
  }, 240_000);

  it('two workers and two api processes: every timer fired exactly once', async () => {
    const fired = (await sql.query('select count(*)::int as n, count(distinct timer_id)::int as d from timer_firings')).rows[0];
    expect(fired.n).toBe(fired.d);
    const pendingDue = (await sql.query(`select count(*)::int as n from read_timers t where t.due_at <= '2022-03-01T08:00:00+08:00'
      and not exists (select 1 from timer_firings f where f.timer_id = t.timer_id)`)).rows[0];
    expect(pendingDue.n).toBe(0);
    expect(await duplicates()).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
