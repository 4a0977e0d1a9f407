/*
 * npm run bench:notify — the delivery pipeline (notification_outbox → sweep → BullMQ → claim →
 * Standard Webhooks POST → NotificationSent event → row marked) on real Redis and PGlite (or
 * PostgreSQL with BENCH_DATABASE_URL, a database the bench may fill), to a local webhook receiver
 * that verifies every signature with the standardwebhooks package.
 *   raw        BENCH_NOTIFICATIONS signed POSTs straight to the same receiver at the same concurrency: the ceiling;
 *   delivered  as many outbox rows delivered by BENCH_WORKERS worker(s): deliveries/s;
 *   lag        row recorded → delivered (delivered_at − recorded_at), p50 and p99, for the whole burst.
 * The rows are written in one statement, as a projection batch would write a burst; the lag of a
 * burst is therefore mostly its place in the queue.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Webhook } from 'standardwebhooks';
import { systemClock } from '@planledger/engine';
import { openEventStorage } from '@planledger/event-store';
import {
  ChannelStore, createNotificationWorker, createSenders, DeliveryProcessor, EndpointRateLimiter, NotificationQueue, OutboxStore, OutboxSweep, SecretBox,
} from '@planledger/notification-delivery';
import { deleteKeys, factsFor, insertOutboxRows, webhookReceiver, whsecret } from '@planledger/notification-delivery/testing';
import { migrateReadModels } from '@planledger/projections';

const COUNT = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function rawCeiling(url: string, secret: string): Promise<number> {
  const signer = new Webhook(secret);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < COUNT) {
      const id = `raw-${next++}`;
      const now = new Date();
      const body = JSON.stringify({ type: 'notification.reminder-due', timestamp: now.toISOString(), data: { id } });
      const response = await fetch(url, {
        method: 'POST', body,
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signer.sign(id, now, body) },
      });
      await response.text();
      if (!response.ok) throw new Error(`raw POST answered ${response.status}`);
    }
  }));
  return COUNT / seconds(started);
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const loadBefore = load();
  const storage = await openEventStorage(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL, maxConnections: 16 } : {});
  await migrateReadModels(storage.database);
  const secret = whsecret();
  const hook = await webhookReceiver(secret).up();
  const box = new SecretBox(randomBytes(32));
  const channels = new ChannelStore(storage.database, () => box);
  const channel = await channels.create({ departmentId: 'bench-school', locale: 'zh-CN', digest: null, ratePerMinute: 10_000_000, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });

  log(`raw: ${COUNT} signed POSTs at concurrency ${CONCURRENCY}…`);
  const raw = await rawCeiling(hook.url, secret);
  hook.received.length = 0;

  log(`outbox: writing ${COUNT} rows…`);
  const run = `bench-notify-${randomUUID().slice(0, 8)}`;
  await insertOutboxRows(storage.database, channel, Array.from({ length: COUNT }, (_, i) => factsFor(`bench-${i}.bench-school.once`, { recipientId: 'bench-school', at: '2026-01-01T00:00:00.000Z' })));
  const queue = new NotificationQueue(run, REDIS_URL, await storage.store.storeId());
  const workers: Worker[] = [];
  const started = process.hrtime.bigint();
  for (let w = 0; w < WORKERS; w++) {
    const processor = new DeliveryProcessor({
      outbox: new OutboxStore(storage.database), channels, senders: createSenders({ smtpFrom: 'bench <b@bench.local>' }), limiter: new EndpointRateLimiter(queue.redis, queue.keyPrefix),
      store: storage.store, clock: systemClock, workerId: `bench-${w}`, lockMs: 30_000, maxAttempts: 8, backoffMs: 1000, send: 'all', queue,
    });
    workers.push(createNotificationWorker(queue, processor, { concurrency: CONCURRENCY, lockMs: 30_000 }));
  }
  const sweep = new OutboxSweep({ database: storage.database, queue, clock: systemClock, virtual: false, horizonMs: 60_000 });
  sweep.start(Number(process.env.BENCH_SWEEP_MS ?? 500));
  for (;;) {
    const [{ n }] = await storage.database.query<{ n: number }>("select count(*)::int as n from notification_outbox where status = 'sent'");
    if (n >= COUNT) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const elapsed = seconds(started);
  const [lag] = await storage.database.query<{ p50: number; p99: number }>(
    `select percentile_cont(0.5) within group (order by delivered_ms - extract(epoch from recorded_at) * 1000) as p50,
            percentile_cont(0.99) within group (order by delivered_ms - extract(epoch from recorded_at) * 1000) as p99
     from notification_outbox where status = 'sent'`);
  const distinct = new Set(hook.received.map((r) => String(r.headers['webhook-id']))).size;

  await sweep.stop();
  for (const worker of workers) await worker.close();
  await queue.close();
  await hook.down();
  await deleteKeys(`bull:${run}-*`);
  await storage.close();
  new Redis(REDIS_URL).disconnect();

  const rows = [
    ['raw POST ceiling (same receiver, signed)', `${Math.round(raw).toLocaleString('en')}/s`],
    [`deliveries (outbox → webhook, ${WORKERS} worker × ${CONCURRENCY})`, `${Math.round(COUNT / elapsed).toLocaleString('en')}/s`],
    ['outbox lag p50 (recorded → delivered)', `${(Number(lag.p50) / 1000).toFixed(2)} s`],
    ['outbox lag p99 (recorded → delivered)', `${(Number(lag.p99) / 1000).toFixed(2)} s`],
    ['received / distinct webhook-ids', `${hook.received.length} / ${distinct}`],
    ['load average 1/5/15 min (before → after)', `${loadBefore} → ${load()}`],
  ];
  process.stdout.write(`bench:notify — ${COUNT.toLocaleString('en')} notifications on ${storage.kind}\n`);
  for (const [figure, value] of rows) process.stdout.write(`  ${figure.padEnd(52)} ${value}\n`);
  // Exactly once is part of the figure: a faster pipeline that repeats messages is not one.
  if (hook.received.length !== COUNT || distinct !== COUNT) {
    process.stderr.write(`bench:notify: ${hook.received.length} received, ${distinct} distinct, for ${COUNT} rows: not exactly once\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench:notify failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
