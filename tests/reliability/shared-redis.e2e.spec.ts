import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { openEventStorage } from '@planledger/event-store';
import { call, expectOk } from '../service/support/http';
import { OwnRedis } from '../service/support/own-redis';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';
import { TIMER_EVENT_TYPES, pick, simulatedCounts } from './support/simulated-counts';

/**
 * Two installations on one Redis with default settings (the same QUEUE_NAME), as a second
 * `npm start` beside `npm run demo` would be: each fires every timer of its own and none of the
 * other's. Before queues were named after the store, each took the other's jobs, recorded them as
 * withdrawn in its own database, and the owner's clock advance hung.
 */
const WORKFLOW = 'lianyun-quality-2021-2024.yaml';
const yaml = readFileSync(join(__dirname, '../../workflows', WORKFLOW), 'utf8');
const ISSUED_AT = '2021-09-01T08:00:00+08:00';
const UNTIL = '2022-01-19T08:00:00+08:00'; // reminders and overdue marks of the first deadlines (17 January)

interface Installation {
  planId: string;
  dataDir: string;
  service: ServiceProcess;
  bureau: Record<string, string>;
}

describe('two installations sharing one Redis with default settings', () => {
  let redis: OwnRedis;
  const installations: Installation[] = [];

  const start = async (planId: string): Promise<Installation> => {
    const dataDir = mkdtempSync(join(tmpdir(), `planledger-shared-redis-${planId}-`));
    // No QUEUE_NAME: both use the default.
    const service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port: freePort(),
      // LOG_LEVEL info: the start line names the queue.
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00', REDIS_URL: redis.url, LOG_LEVEL: 'info' },
    });
    const bureau = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    return { planId, dataDir, service, bureau };
  };
  const api = (installation: Installation, method: string, path: string, body?: unknown) => call(installation.service.baseUrl!, method, path, body, installation.bureau);
  const advance = async (installation: Installation, to: string) => expectOk(await api(installation, 'POST', '/admin/clock', { set: to }), `${installation.planId}: advance to ${to}`);

  beforeAll(async () => {
    redis = await OwnRedis.start();
    installations.push(...(await Promise.all([start('alpha-plan'), start('beta-plan')])));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(installations.map((i) => i.service.stop()));
    await redis?.stop();
    for (const i of installations) rmSync(i.dataDir, { recursive: true, force: true });
  });

  it('each fires all of its own timers and none of the other\'s', async () => {
    for (const installation of installations) {
      expect((await api(installation, 'POST', `/plans?planId=${installation.planId}`, yaml)).status).toBe(201);
      expectOk(await api(installation, 'POST', `/plans/${installation.planId}/publish?confirmPastDue=true`), `${installation.planId}: publish`);
    }
    // Both advance at once, so both workers are waiting on the one Redis at the same time.
    await Promise.all(installations.map((i) => advance(i, ISSUED_AT)));
    await Promise.all(installations.map((i) => advance(i, UNTIL)));

    const logs = installations.map((i) => i.service.log);
    for (const installation of installations) expect(await installation.service.stop()).toBe(0);

    const expected = pick(simulatedCounts(WORKFLOW, UNTIL), TIMER_EVENT_TYPES);
    expect(expected.AssignmentOverdue).toBeGreaterThan(0);
    const storeIds: string[] = [];
    for (const installation of installations) {
      const storage = await openEventStorage({ dataDir: join(installation.dataDir, 'pglite') });
      try {
        storeIds.push(await storage.store.storeId());
        const counts = await storage.database.query<{ type: string; n: number }>('select type, count(*)::int as n from event_store_events group by type');
        expect(pick(Object.fromEntries(counts.map((row) => [row.type, row.n])), TIMER_EVENT_TYPES)).toEqual(expected);
        const firings = await storage.database.query<{ timer_id: string; outcome: string }>('select timer_id, outcome from timer_firings');
        expect(firings.length).toBeGreaterThan(0);
        // Every recorded firing is one of this installation's own timers: none of the other's
        // was taken, let alone recorded as withdrawn.
        const foreign = firings.filter((firing) => !firing.timer_id.includes(installation.planId));
        expect(foreign).toEqual([]);
        expect(firings.filter((firing) => firing.outcome === 'withdrawn')).toEqual([]);
      } finally {
        await storage.close();
      }
    }
    // Two stores, two identities, two queues, each named in its process's start line.
    expect(new Set(storeIds).size).toBe(2);
    storeIds.forEach((storeId, index) => expect(logs[index]).toContain(`planledger-timers-${storeId}`));
    const client = new Redis(redis.url);
    const keys = await client.keys('bull:planledger-timers-*:epoch').finally(() => client.disconnect());
    expect(keys.sort()).toEqual(storeIds.map((storeId) => `bull:planledger-timers-${storeId}:epoch`).sort());
  }, 600_000);
});
