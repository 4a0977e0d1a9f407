import { systemClock } from '@planledger/engine';
import { openEventStorage } from '@planledger/event-store';
import {
  ChannelStore, createNotificationWorker, createSenders, DeliveryProcessor, EndpointRateLimiter, NotificationQueue, OutboxStore, OutboxSweep, SecretBox,
} from '@planledger/notification-delivery';

/**
 * A delivery worker as its own process, for the kill -9 test: PostgreSQL (DATABASE_URL) and Redis
 * shared with the test, the channel secrets key as hex (NOTIFY_KEY_HEX). Prints "delivery worker started".
 */
async function main(): Promise<void> {
  const env = process.env;
  const storage = await openEventStorage({ databaseUrl: env.DATABASE_URL!, maxConnections: 8 });
  const storeId = await storage.store.storeId();
  const queue = new NotificationQueue(env.NOTIFY_QUEUE_NAME!, env.REDIS_URL!, storeId);
  const lockMs = Number(env.NOTIFY_LOCK_MS ?? 3000);
  const box = new SecretBox(Buffer.from(env.NOTIFY_KEY_HEX!, 'hex'));
  const processor = new DeliveryProcessor({
    outbox: new OutboxStore(storage.database), channels: new ChannelStore(storage.database, () => box), senders: createSenders({ smtpFrom: 'test <t@test.local>' }),
    limiter: new EndpointRateLimiter(queue.redis, queue.keyPrefix), store: storage.store, clock: systemClock, workerId: `child-${process.pid}`,
    lockMs, maxAttempts: 8, backoffMs: 500, send: 'all', queue,
  });
  createNotificationWorker(queue, processor, { concurrency: Number(env.NOTIFY_CONCURRENCY ?? 20), lockMs }, () => undefined);
  new OutboxSweep({ database: storage.database, queue, clock: systemClock, virtual: false, horizonMs: 60_000 }).start(200);
  process.stdout.write('delivery worker started\n');
}

main().catch((error) => {
  process.stderr.write(`delivery worker failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
