import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import { systemClock } from '@planledger/engine';
import { NotificationQueue } from '../queue/notification-queue';
import { deliveryStreamOf } from '../record/delivery-events';
import { OutboxSweep } from '../sweep/outbox-sweep';
import { countById, webhookReceiver, type LocalReceiver } from '../testing/receivers';
import { deleteKeys, eventually, factsFor, insertOutboxRows, openDeliveryTestDatabase, TEST_REDIS_URL, testProcessor, uniqueQueuePrefix, whsecret, type DeliveryTestDatabase } from '../testing/delivery-test-kit';
import { createNotificationWorker } from './create-notification-worker';

/*
 * The failure bench:notify once showed: a delivery in flight longer than the claim (NOTIFY_LOCK_SECONDS)
 * was claimed again by another worker and sent twice. Here the lock is 1 s and the receiver answers
 * after 2.5 s; a second worker gets every job again after the first claim would have run out, and the
 * sweep looks for expired claims meanwhile. Before the heartbeat and the claim token, every row
 * arrived twice.
 */
const LOCK_MS = 1000;
const SLOW_MS = 2500;
const ROWS = 12;

describe('a delivery slower than the claim\'s lock (heartbeat, fencing token)', () => {
  let db: DeliveryTestDatabase;
  let redis: Redis;
  let queue: NotificationQueue;
  const hooks: LocalReceiver[] = [];
  const workers: Worker[] = [];
  const prefix = uniqueQueuePrefix('slow');

  beforeAll(async () => {
    db = await openDeliveryTestDatabase();
    redis = new Redis(TEST_REDIS_URL);
    queue = new NotificationQueue(prefix, TEST_REDIS_URL, db.storeId);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await queue.close();
    for (const hook of hooks) await hook.down();
    redis.disconnect();
    await deleteKeys(`bull:${queue.name}:*`);
    await db.close();
  });

  const slowHook = async () => {
    const secret = whsecret();
    const hook = await webhookReceiver(secret).up();
    hook.answerDelayMs = SLOW_MS;
    hooks.push(hook);
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, ratePerMinute: 100_000, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    return { hook, channel };
  };

  it('two workers, every job delivered twice after the lock ran out, the sweep looking for expired claims: each row arrives once', async () => {
    const { hook, channel } = await slowHook();
    const ids = await insertOutboxRows(db.database, channel, Array.from({ length: ROWS }, (_, i) => factsFor(`slow-${i}.school-a.once`, { at: '2026-01-01T00:00:00.000Z' })));
    for (const name of ['worker-1', 'worker-2']) {
      const { processor } = testProcessor(db, redis, queue.name, { clock: systemClock as never, workerId: name, queue, lockMs: LOCK_MS });
      workers.push(createNotificationWorker(queue, processor, { concurrency: ROWS, lockMs: 5000 }));
    }
    const sweep = new OutboxSweep({ database: db.database, queue, clock: systemClock, virtual: false, horizonMs: 60_000 });
    expect((await sweep.sweepOnce()).added).toBe(ROWS);
    // The same rows again under other job ids, due when the first claims (1 s) would have run out.
    await queue.add(ids.map((outboxId) => ({ outboxId, attempt: 1000, delayMs: LOCK_MS + 300 })));
    await new Promise((resolve) => setTimeout(resolve, LOCK_MS + 600));
    await sweep.sweepOnce();

    await eventually(async () => {
      const [{ n }] = await db.database.query<{ n: number }>(`select count(*)::int as n from notification_outbox where channel_id = $1 and status = 'sent'`, [channel.channelId]);
      return n === ROWS;
    }, 30_000);
    // Anything sent twice would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    const counts = countById(hook.received, (r) => String(r.headers['webhook-id']));
    expect(counts.repeated).toEqual([]);
    expect(hook.received).toHaveLength(ROWS);
    const attempts = await db.database.query<{ attempts: number }>('select attempts from notification_outbox where channel_id = $1', [channel.channelId]);
    expect(attempts.map((a) => a.attempts)).toEqual(Array(ROWS).fill(1));
  });

  it('a worker whose claim was taken over cannot mark the row nor record it; its send is aborted', async () => {
    const { hook, channel } = await slowHook();
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('taken.school-a.once', { at: '2026-01-01T00:00:00.000Z' })]);
    const a = testProcessor(db, redis, queue.name, { clock: systemClock as never, workerId: 'worker-a', lockMs: LOCK_MS }).processor;
    const b = testProcessor(db, redis, queue.name, { clock: systemClock as never, workerId: 'worker-b', lockMs: LOCK_MS }).processor;

    const first = a.process(id);
    await eventually(async () => hook.received.length === 1, 5000);
    // Worker a stalls as far as the database can tell (its claim looks run out); worker b takes the row over.
    await db.database.query("update notification_outbox set claimed_until = clock_timestamp() - interval '1 second' where outbox_id = $1", [id]);
    const second = b.process(id);
    await expect(first).resolves.toMatchObject({ kind: 'lost' });
    await expect(second).resolves.toEqual({ kind: 'sent', rows: 1 });

    const row = (await db.outbox.get(id))!;
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    const events = await db.eventsOf(deliveryStreamOf('notify-test', 'taken.school-a.once'));
    expect(events.map((e) => e.type)).toEqual(['NotificationSent']);
    // a's request had reached the receiver before it lost the claim (an aborted send cannot be unsent):
    // the same webhook-id twice, which Standard Webhooks receivers drop; the outbox and the record hold it once.
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([id, id]);
  });
});
