import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import { systemClock } from '@planledger/engine';
import { NotificationQueue } from '../queue/notification-queue';
import { OutboxSweep } from '../sweep/outbox-sweep';
import { countById, webhookReceiver, type LocalReceiver } from '../testing/receivers';
import { deleteKeys, eventually, factsFor, insertOutboxRows, openDeliveryTestDatabase, TEST_REDIS_URL, testProcessor, uniqueQueuePrefix, whsecret, type DeliveryTestDatabase } from '../testing/delivery-test-kit';
import { createNotificationWorker } from './create-notification-worker';

const ROWS = 300;

describe('exactly one delivery per outbox row (two BullMQ workers, redelivered jobs, a flushed Redis)', () => {
  let db: DeliveryTestDatabase;
  let redis: Redis;
  let queue: NotificationQueue;
  let hook: LocalReceiver;
  const workers: Worker[] = [];
  const prefix = uniqueQueuePrefix('once');
  const workerErrors: string[] = [];

  beforeAll(async () => {
    db = await openDeliveryTestDatabase();
    redis = new Redis(TEST_REDIS_URL);
    queue = new NotificationQueue(prefix, TEST_REDIS_URL, db.storeId);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await queue.close();
    await hook?.down();
    redis.disconnect();
    await deleteKeys(`bull:${queue.name}:*`);
    await db.close();
  });

  it('each row reaches the receiver once, whatever the queue does twice', async () => {
    const secret = whsecret();
    hook = await webhookReceiver(secret).up();
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, ratePerMinute: 100_000, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    const ids = await insertOutboxRows(db.database, channel, Array.from({ length: ROWS }, (_, i) => factsFor(`once-${i}.school-a.once`, { at: '2026-01-01T00:00:00.000Z' })));

    for (const name of ['worker-1', 'worker-2']) {
      const { processor } = testProcessor(db, redis, queue.name, { clock: systemClock as never, workerId: name, queue });
      workers.push(createNotificationWorker(queue, processor, { concurrency: 10, lockMs: 30_000 }, (error) => workerErrors.push(error.message)));
    }
    const sweep = new OutboxSweep({ database: db.database, queue, clock: systemClock, virtual: false, horizonMs: 60_000 });
    expect((await sweep.sweepOnce()).added).toBe(ROWS);
    // Every job delivered a second time under another id (a redelivery BullMQ would not dedupe).
    await queue.add(ids.map((outboxId) => ({ outboxId, attempt: 1000, delayMs: 0 })));
    // Redis loses everything midway; the sweep notices the new epoch and puts back what still waits.
    await eventually(async () => hook.received.length >= ROWS / 3);
    const lostEpoch = await queue.currentEpoch();
    await deleteKeys(`bull:${queue.name}:*`);
    await sweep.sweepOnce();

    await eventually(async () => {
      const [{ n }] = await db.database.query<{ n: number }>("select count(*)::int as n from notification_outbox where status = 'sent'");
      return n === ROWS;
    }, 60_000);
    const counts = countById(hook.received, (r) => String(r.headers['webhook-id']));
    expect(counts.distinct).toBe(ROWS);
    expect(counts.repeated).toEqual([]);
    expect(hook.received).toHaveLength(ROWS);
    // The only complaints are about jobs of the lost epoch, whose keys, lock or state the flush took
    // while they ran (its SCAN + DEL is not atomic, so BullMQ words it several ways): the outbox decides.
    // Jobs added after the flush carry the new epoch in their id, so a stale finish cannot touch them.
    const lostJob = new RegExp(`^(Missing key|Missing lock|Lock mismatch) for job \\S+-${lostEpoch.slice(0, 8)}\\b|^Job \\S+-${lostEpoch.slice(0, 8)} is not in the active state`);
    expect(workerErrors.filter((message) => !lostJob.test(message))).toEqual([]);
  });
});
