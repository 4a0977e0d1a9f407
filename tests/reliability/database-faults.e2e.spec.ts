import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateSigningKeyPem } from '@planledger/auth';
import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
import { call, type Reply } from '../service/support/http';
import { OwnRedis } from '../service/support/own-redis';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';
import { TIMER_EVENT_TYPES, pick, simulatedCounts } from './support/simulated-counts';

/**
 * What a failover, an idle timeout or a DBA does to a running cluster: `pg_terminate_backend` of
 * every connection the service holds, again and again, while planners and schools send commands
 * and reads and the clock moves timers through the worker. No process may exit; a request may
 * fail with 503 (its connection died under it), never 500; and afterwards the store holds exactly
 * what the simulation says: nothing lost, nothing twice.
 */
const WORKFLOW = 'lianyun-quality-2021-2024.yaml';
const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows', WORKFLOW), 'utf8');
const ISSUED_AT = '2021-09-01T08:00:00+08:00';
const UNTIL = '2022-01-22T08:00:00+08:00'; // reminders, overdue marks and first escalations of the 17 January deadlines
const SCHOOLS = ['xugou-primary', 'haibin-primary', 'banqiao-primary'];
/** The test's own connections are spared: they count and terminate. */
const TEST_APPLICATION = 'planledger-faults-test';
const ALLOWED = new Set([200, 201, 503]);

describe('the service on PostgreSQL while its connections are terminated again and again', () => {
  let database: TestDatabase;
  let redis: OwnRedis;
  let sql: Client;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  const exits: string[] = [];
  const privateKeyFile = join(mkdtempSync(join(tmpdir(), 'planledger-faults-keys-')), 'token-signing.pem');
  let bureau: Record<string, string>;
  /** Every answer the service gave during the faults, by route and status. */
  const answers: { what: string; status: number; body: unknown }[] = [];

  const env = () => ({
    AUTH_PRIVATE_KEY_FILE: privateKeyFile,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redis.url,
    VIRTUAL_CLOCK: 'true',
    VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00',
    TIMER_SWEEP_SECONDS: '2',
    TIMER_LOCK_SECONDS: '5',
  });

  const send = async (what: string, method: string, path: string, body?: unknown, headers = bureau): Promise<Reply> => {
    const reply = await call(api.baseUrl!, method, path, body, headers);
    answers.push({ what, status: reply.status, body: reply.body });
    return reply;
  };
  /**
   * A command the caller may safely send again after a 503 (setting the clock, or one whose second
   * arrival answers 409 because the first had committed after all).
   */
  const untilDone = async (what: string, method: string, path: string, body?: unknown): Promise<Reply> => {
    for (let attempt = 1; ; attempt++) {
      const reply = await send(what, method, path, body);
      if (reply.status !== 503) return reply;
      if (attempt >= 20) throw new Error(`${what}: still 503 after ${attempt} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const countsInStore = async () => {
    const { rows } = await sql.query<{ type: string; n: number }>('select type, count(*)::int as n from event_store_events group by type');
    return Object.fromEntries(rows.map((row) => [row.type, row.n]));
  };

  beforeAll(async () => {
    database = await createTestDatabase('faults_e2e');
    redis = await OwnRedis.start();
    sql = new Client({ connectionString: database.url, application_name: TEST_APPLICATION });
    await sql.connect();
    writeFileSync(privateKeyFile, (await generateSigningKeyPem()).privatePem, { mode: 0o600 });
    bureau = await bearerFor({ privateKeyFile }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    api = await ServiceProcess.start({ app: 'api', args: ['--roles', 'api,projections'], port: freePort(), env: env() });
    worker = await ServiceProcess.start({ app: 'worker', env: env() });
    void api.exited.then((code) => exits.push(`api exited with ${code}:\n${api.log.slice(-4000)}`));
    void worker.exited.then((code) => exits.push(`worker exited with ${code}:\n${worker.log.slice(-4000)}`));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api, worker].filter(Boolean).map((p) => p.stop()));
    await sql?.end();
    await redis?.stop();
    await database?.drop();
  });

  it('no process exits, no request answers 500, and the store ends as the simulation says', async () => {
    let killing = true;
    let terminations = 0;
    let rounds = 0;
    const killer = (async () => {
      while (killing) {
        const { rows } = await sql.query<{ n: number }>(
          `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and coalesce(application_name, '') <> $1`,
          [TEST_APPLICATION],
        );
        terminations += rows[0].n;
        rounds++;
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      }
    })();

    // Import and publish: a 503 is retried; a 409 after it means the first attempt had committed.
    const imported = await untilDone('import', 'POST', '/plans', yaml);
    expect([201, 409]).toContain(imported.status);
    const published = await untilDone('publish', 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`);
    expect([200, 409]).toContain(published.status);
    await untilDone('advance to the first issue', 'POST', '/admin/clock', { set: ISSUED_AT });

    // While the clock moves on: reads of every kind, and schools acknowledging their work.
    let loading = true;
    const heads = await Promise.all(SCHOOLS.map((school) => bearerFor({ privateKeyFile }, { subject: `${school}-head`, roles: ['department_head'], departments: [school] })));
    const reads = (async () => {
      while (loading) {
        await Promise.all([
          send('overdue', 'GET', '/overdue'),
          send('plans', 'GET', '/plans'),
          send('plan', 'GET', `/plans/${PLAN}`),
          ...SCHOOLS.map((school) => send('inbox', 'GET', `/departments/${school}/inbox`)),
        ]);
      }
    })();
    const commands = (async () => {
      for (const [index, school] of SCHOOLS.entries()) {
        const inbox = await untilDone('inbox', 'GET', `/departments/${school}/inbox`);
        for (const item of (inbox.body as { items: { assignmentId: string }[] }).items) {
          await send('acknowledge', 'POST', `/assignments/${PLAN}.${item.assignmentId}/acknowledge`, {}, heads[index]);
        }
      }
    })();
    const advanced = await untilDone('advance', 'POST', '/admin/clock', { set: UNTIL });
    await commands;
    loading = false;
    await reads;
    killing = false;
    await killer;

    expect(exits).toEqual([]);
    expect(advanced.status).toBe(200);
    expect(rounds).toBeGreaterThan(5);
    expect(terminations).toBeGreaterThan(0);
    const unexpected = answers.filter((answer) => !ALLOWED.has(answer.status) && !(answer.status === 409 && (answer.what === 'import' || answer.what === 'publish')));
    expect(unexpected).toEqual([]);
    expect(answers.filter((answer) => answer.what === 'acknowledge').length).toBeGreaterThan(0);
    // Every 503 said why, in the api's shape.
    for (const answer of answers.filter((a) => a.status === 503)) expect(answer.body).toEqual(expect.objectContaining({ error: 'unavailable' }));

    const expected = pick(simulatedCounts(WORKFLOW, UNTIL), TIMER_EVENT_TYPES);
    expect(expected.AssignmentOverdue).toBeGreaterThan(0);
    expect(pick(await countsInStore(), TIMER_EVENT_TYPES)).toEqual(expected);
    const acknowledged = answers.filter((answer) => answer.what === 'acknowledge' && answer.status === 200).length;
    expect((await countsInStore()).AssignmentAcknowledged ?? 0).toBeGreaterThanOrEqual(acknowledged);
  }, 900_000);
});
