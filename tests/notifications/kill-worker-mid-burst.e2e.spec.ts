import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { createTestDatabase, type TestDatabase } from '@planledger/event-store/testing';
import { ChannelStore, SecretBox } from '@planledger/notification-delivery';
import { countById, deleteKeys, factsFor, insertOutboxRows, uniqueQueuePrefix, webhookReceiver, whsecret, type LocalReceiver } from '@planledger/notification-delivery/testing';
import { migrateReadModels } from '@planledger/projections';

const repo = join(__dirname, '..', '..');
const BURST = 1000;
const CONCURRENCY = 20;

/** A delivery worker process (tests/notifications/support/delivery-worker-process.ts) on the shared PostgreSQL database and Redis. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', './scripts/register.cjs', 'tests/notifications/support/delivery-worker-process.ts'], {
    cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('delivery worker started')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`delivery worker exited with ${code}: ${output}`)));
  });
}

describe('kill -9 a delivery worker in the middle of a burst of 1,000 (PostgreSQL, real Redis, separate processes)', () => {
  let database: TestDatabase;
  let storage: EventStorage;
  let hook: LocalReceiver;
  const prefix = uniqueQueuePrefix('kill');
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('notify_kill');
    storage = await openEventStorage({ databaseUrl: database.url, maxConnections: 4 });
    await migrateReadModels(storage.database);
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    await hook?.down();
    await storage?.close();
    await deleteKeys(`bull:${prefix}-*`);
    await database?.drop();
  });

  it('every notification arrives; each row is sent once by the outbox; only the sends in flight at the kill repeat, with the same webhook-id', async () => {
    const key = randomBytes(32);
    const secret = whsecret();
    hook = await webhookReceiver(secret).up();
    const channels = new ChannelStore(storage.database, () => new SecretBox(key));
    const channel = await channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, ratePerMinute: 1_000_000, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    await insertOutboxRows(storage.database, channel, Array.from({ length: BURST }, (_, i) => factsFor(`burst-${i}.school-a.once`, { at: '2026-01-01T00:00:00.000Z' })));
    const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', NOTIFY_QUEUE_NAME: prefix, NOTIFY_KEY_HEX: key.toString('hex'), NOTIFY_CONCURRENCY: String(CONCURRENCY), NOTIFY_LOCK_MS: '3000' };

    workers.push(await startWorker(env));
    const deadline = Date.now() + 120_000;
    while (hook.received.length < BURST / 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(hook.received.length).toBeGreaterThan(0);
    workers[0].kill('SIGKILL');
    const atKill = hook.received.length;
    expect(atKill).toBeLessThan(BURST);

    workers.push(await startWorker(env));
    const sent = async () => (await storage.database.query<{ n: number }>("select count(*)::int as n from notification_outbox where status = 'sent'"))[0].n;
    while ((await sent()) < BURST && Date.now() < deadline + 60_000) await new Promise((r) => setTimeout(r, 100));
    expect(await sent()).toBe(BURST);
    await new Promise((r) => setTimeout(r, 1000));

    const counts = countById(hook.received, (r) => String(r.headers['webhook-id']));
    expect(counts.distinct).toBe(BURST);
    // A send whose answer came back after the kill was made by a dead worker: the outbox cannot know it
    // arrived, so it is sent again under the same webhook-id (a receiver drops it by that id). At most one per job in flight.
    expect(counts.repeated.length).toBeLessThanOrEqual(CONCURRENCY);
    const [{ n: events }] = await storage.database.query<{ n: number }>("select count(distinct data->>'outboxId')::int as n from event_store_events where type = 'NotificationSent'");
    expect(events).toBe(BURST);
    process.stdout.write(`kill -9 test: ${atKill} received before the kill, ${counts.repeated.length} repeated after it (same webhook-id)\n`);
  });
});
