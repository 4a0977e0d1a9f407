/*
 * npm run bench:timers — the timer pipeline (read_timers → sweep → BullMQ → TimerProcessor →
 * event store) on real Redis and PGlite (or PostgreSQL), each figure beside its ceiling:
 *   schedule  100,000 pending assignment-issue timers of a county-sized plan into read_timers;
 *             sweep them into Redis as delayed jobs (timers/s) and measure Redis bytes per job;
 *   virtual   fire the first ≈10,000 through VirtualClockAdvancer (timers/s) beside raw BullMQ
 *             add + process of as many no-op jobs at the same concurrency;
 *   real      1,000 timers due over the next 3 s, real clock: lag due → handled, p50/p99.
 * The timers are real: each fires IssueAssignment and appends an AssignmentIssued event. The
 * projections do not run here (waitUntilCaughtUp is a no-op), so the virtual figure is the
 * timers' own ceiling; the service adds one catch-up wait per step.
 * Environment: BENCH_TIMERS (100000), BENCH_FIRE (10000), BENCH_LAG_TIMERS (1000),
 * BENCH_CONCURRENCY (20, the service default), BENCH_WORKERS (1: timer workers, each with its own
 * database connections on PostgreSQL as separate processes would have; PGlite has one connection
 * for all), BENCH_BUCKET (100: timers per virtual-clock job), DATABASE_URL (a maintenance database: the bench
 * creates and drops its own database there; PGlite in memory when unset), REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { timerId, type Timer } from '@planledger/domain';
import { CommandExecutor, ManualClock, systemClock } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { createTestDatabase } from '@planledger/event-store/testing';
import { migrateReadModels } from '@planledger/projections';
import {
  TimerCounters, TimerProcessor, TimerQueue, TimerSweep, VirtualClockAdvancer, createTimerWorker, migrateTimerTables,
} from '@planledger/timers';
import { insertTimers, issueTimers } from './pending-timers';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 100_000);
const FIRE = Number(process.env.BENCH_FIRE ?? 10_000);
const LAG_TIMERS = Number(process.env.BENCH_LAG_TIMERS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const BUCKET = Number(process.env.BENCH_BUCKET ?? 100);
for (const [name, value] of Object.entries({ BENCH_CONCURRENCY: CONCURRENCY, BENCH_WORKERS: WORKERS, BENCH_BUCKET: BUCKET })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${process.env[name]}")`);
}
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = `bench-timers-${randomUUID().slice(0, 8)}`;

interface Row {
  figure: string;
  value: string;
  ceiling: string;
  note: string;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const perSecond = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')}/s`;
const log = (line: string) => process.stderr.write(`${line}\n`);


async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

async function deleteKeys(redis: Redis, queueName: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `bull:${queueName}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function scheduleFigures(storage: EventStorage, redis: Redis, timers: Timer[], rows: Row[]): Promise<void> {
  let started = process.hrtime.bigint();
  await insertTimers(storage.database, timers);
  // As the timers projection does after a plan's bulk load of timers (timers.projection.ts).
  await storage.database.query('analyze read_timers');
  rows.push({ figure: `read_timers rows written (${timers.length.toLocaleString('en')})`, value: perSecond(timers.length, seconds(started)), ceiling: '', note: 'what the projection writes; setup' });

  // Business time just before the plan starts, a horizon covering the whole plan: every timer
  // becomes a delayed job, as a real-clock sweep would make them.
  const queue = new TimerQueue(`${RUN}-schedule`, REDIS_URL, await storage.store.storeId());
  const sweep = new TimerSweep({ database: storage.database, queue, clock: new ManualClock(new Date('2021-08-01T00:00:00Z')), virtual: false, horizonMs: 10 * 365 * 86_400_000 });
  const before = await usedMemory(redis);
  started = process.hrtime.bigint();
  const { added } = await sweep.sweepOnce();
  const sweepSeconds = seconds(started);
  const after = await usedMemory(redis);
  const delayed = await queue.queue.getDelayedCount();
  log(`sweep: ${added} added, ${delayed} delayed in Redis, ${sweepSeconds.toFixed(1)} s`);
  started = process.hrtime.bigint();
  const again = await sweep.sweepOnce();
  const resweepSeconds = seconds(started);
  rows.push({ figure: `sweep ${added.toLocaleString('en')} timers into Redis (delayed jobs)`, value: perSecond(added, sweepSeconds), ceiling: '', note: 'SQL pages of 1000 + addBulk + timer_enqueued' });
  rows.push({ figure: 'sweep again, nothing missing', value: `${(resweepSeconds * 1000).toFixed(0)} ms`, ceiling: '', note: `${again.added} added` });
  rows.push({ figure: 'Redis memory per pending timer', value: `${Math.round((after - before) / delayed)} B`, ceiling: '', note: `INFO used_memory, ${delayed.toLocaleString('en')} delayed jobs: ${((after - before) / 2 ** 20).toFixed(0)} MiB` });
  await queue.close();
  await deleteKeys(redis, queue.name);
  await storage.database.query('delete from timer_enqueued');
}

async function virtualFigures(storage: EventStorage, redis: Redis, timers: Timer[], rows: Row[], workerStorage: () => Promise<EventStorage>): Promise<void> {
  const target = new Date(timers[Math.min(FIRE, timers.length) - 1].dueAt);
  const clock = new ManualClock(new Date('2021-08-01T00:00:00Z'));
  const queue = new TimerQueue(`${RUN}-virtual`, REDIS_URL, await storage.store.storeId());
  const counters = new TimerCounters();
  const workers: { worker: ReturnType<typeof createTimerWorker>; own: EventStorage }[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const own = await workerStorage();
    const processor = new TimerProcessor({ database: own.database, executor: new CommandExecutor(own.store), clock, observer: counters });
    workers.push({ worker: createTimerWorker(queue, processor, CONCURRENCY), own });
  }
  await Promise.all(workers.map(({ worker }) => worker.waitUntilReady()));
  const advancer = new VirtualClockAdvancer({ database: storage.database, queue, clock, waitUntilCaughtUp: async () => undefined, bucketSize: BUCKET });
  const started = process.hrtime.bigint();
  const report = await advancer.advanceTo(target);
  const timerSeconds = seconds(started);
  log(`virtual: ${report.fired} fired in ${report.steps} steps, ${timerSeconds.toFixed(1)} s, outcomes ${JSON.stringify(counters.fired)}`);
  for (const { worker, own } of workers) {
    await worker.close();
    if (own !== storage) await own.close();
  }
  await queue.close();
  await deleteKeys(redis, queue.name);

  const ceiling = await rawBullmqCeiling(report.fired);
  rows.push({
    figure: `virtual clock: fire ${report.fired.toLocaleString('en')} timers (${report.steps} instants)`,
    value: perSecond(report.fired, timerSeconds),
    ceiling: perSecond(report.fired, ceiling),
    note: `each appends AssignmentIssued; ${WORKERS} worker(s) × concurrency ${CONCURRENCY}, ${BUCKET} timers per job; ceiling = raw BullMQ add+process of as many no-op jobs (one per timer), same workers`,
  });
}

/** The queue alone: addBulk of `count` jobs with the timers' options and a no-op worker. */
async function rawBullmqCeiling(count: number): Promise<number> {
  const queue = new TimerQueue(`${RUN}-raw`, REDIS_URL, 'raw-ceiling');
  const name = queue.name;
  let done = 0;
  const workers = Array.from({ length: WORKERS }, () => {
    const worker = new Worker(name, async () => undefined, { connection: { url: REDIS_URL }, concurrency: CONCURRENCY });
    worker.on('completed', () => done++);
    worker.on('error', (error) => log(`raw worker: ${error.message}`));
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  const started = process.hrtime.bigint();
  const now = Date.now();
  await queue.add(Array.from({ length: count }, (_, i) => ({ timerId: `raw-${i}`, delayMs: 0, timestamp: now })));
  await waitFor(async () => done >= count, 600_000, 'raw jobs');
  const s = seconds(started);
  await Promise.all(workers.map((worker) => worker.close()));
  await queue.close();
  const redis = new Redis(REDIS_URL);
  await deleteKeys(redis, name);
  redis.disconnect();
  return s;
}

async function lagFigures(storage: EventStorage, redis: Redis, spare: Timer[], rows: Row[]): Promise<void> {
  await storage.database.query('delete from read_timers');
  const startAt = Date.now() + 1000;
  const spreadMs = 3000;
  const timers = spare.slice(0, LAG_TIMERS).map((timer, i) => {
    const dueAt = new Date(startAt + Math.floor((i * spreadMs) / LAG_TIMERS)).toISOString();
    return { ...timer, dueAt, timerId: timerId('assignment-issue', `${timer.planId}.${(timer.target as { assignmentId: string }).assignmentId}`, dueAt) };
  });
  await insertTimers(storage.database, timers);
  const queue = new TimerQueue(`${RUN}-lag`, REDIS_URL, await storage.store.storeId());
  const counters = new TimerCounters();
  const processor = new TimerProcessor({ database: storage.database, executor: new CommandExecutor(storage.store), clock: systemClock, observer: counters });
  const worker = createTimerWorker(queue, processor, CONCURRENCY);
  await worker.waitUntilReady();
  const sweep = new TimerSweep({ database: storage.database, queue, clock: systemClock, virtual: false, horizonMs: 3_600_000 });
  await sweep.sweepOnce();
  await waitFor(async () => counters.firedTotal >= timers.length, 120_000, 'real-clock timers');
  await worker.close();
  await queue.close();
  await deleteKeys(redis, queue.name);
  const lags = [...counters.lagsMs].sort((a, b) => a - b);
  rows.push({
    figure: `real clock: ${timers.length.toLocaleString('en')} timers due over ${spreadMs / 1000} s, lag due → handled`,
    value: `p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms`,
    ceiling: '',
    note: `max ${lags[lags.length - 1]} ms; ${counters.fired.accepted} accepted`,
  });
}

async function withStorage(work: (storage: EventStorage, label: string, workerStorage: () => Promise<EventStorage>) => Promise<void>): Promise<void> {
  const maintenance = process.env.DATABASE_URL;
  if (!maintenance) {
    const storage = await openEventStorage({});
    try {
      await work(storage, 'PGlite (in memory)', async () => storage);
    } finally {
      await storage.close();
    }
    return;
  }
  const database = await createTestDatabase('timers_bench', maintenance);
  try {
    const storage = await openEventStorage({ databaseUrl: database.url, maxConnections: CONCURRENCY });
    try {
      // Each worker its own pool, as a worker process of its own would have.
      await work(storage, `PostgreSQL (${new URL(database.url).host})`, () => openEventStorage({ databaseUrl: database.url, maxConnections: CONCURRENCY }));
    } finally {
      await storage.close();
    }
  } finally {
    await database.drop();
  }
}

function printTable(title: string, rows: Row[]): void {
  const header = ['figure', 'value', 'ceiling', 'note'];
  const body = rows.map((row) => [row.figure, row.value, row.ceiling, row.note]);
  const widths = header.map((h, column) => Math.max(h.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}

async function main(): Promise<void> {
  const all = issueTimers();
  if (all.length < TIMERS + LAG_TIMERS) throw new Error(`the synthetic plan has ${all.length} issue timers; need ${TIMERS + LAG_TIMERS}`);
  const redis = new Redis(REDIS_URL);
  const rows: Row[] = [];
  let label = '';
  try {
    await withStorage(async (storage, storageLabel, workerStorage) => {
      label = storageLabel;
      await migrateReadModels(storage.database);
      await migrateTimerTables(storage.database);
      await scheduleFigures(storage, redis, all.slice(0, TIMERS), rows);
      await virtualFigures(storage, redis, all.slice(0, TIMERS), rows, workerStorage);
      await lagFigures(storage, redis, all.slice(TIMERS), rows);
    });
  } finally {
    for (const suffix of ['schedule', 'virtual', 'raw', 'lag']) await deleteKeys(redis, `${RUN}-${suffix}`);
    redis.disconnect();
  }
  printTable(`Timer benchmark: ${label}, Redis ${REDIS_URL}, ${WORKERS} worker(s) × concurrency ${CONCURRENCY}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
