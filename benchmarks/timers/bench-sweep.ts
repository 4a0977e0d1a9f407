/*
 * npm run bench:sweep — the real-clock sweep (read_timers → BullMQ delayed jobs) with 100,000
 * pending timers of a county-sized plan, on PGlite and on PostgreSQL, three ways each:
 *   before   the keyset pages on read_timers_due_at alone, no statistics (the tables before timers migration 2);
 *   index    on read_timers_due_order (due_at, timer_id), still no statistics;
 *   after    the index and statistics taken after the bulk load (what the timers projection now does).
 * All three run today's sweep, whose page query is an unnamed statement (planned per page). On
 * PostgreSQL the sweep as it was, a named statement whose generic plan was kept after five pages,
 * is not among them: with the tables as in "before" it swept 100,000 timers at 219/s (load 4–12).
 * Each beside its ceiling in the same run: BullMQ addBulk of as many delayed jobs with no SQL at all.
 * Environment: BENCH_PENDING (100000), BENCH_SWEEP_VARIANTS (before,index,after), BENCH_SWEEP_STORES
 * (pglite,postgres), DATABASE_URL (maintenance database for PostgreSQL; the bench creates and
 * drops its own; default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { ManualClock } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { createTestDatabase } from '@planledger/event-store/testing';
import { TimerQueue, TimerSweep, migrateTimerTables } from '@planledger/timers';
import { insertTimers, issueTimers } from './pending-timers';

const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const VARIANTS = (process.env.BENCH_SWEEP_VARIANTS ?? 'before,index,after').split(',') as Variant[];
const STORES = (process.env.BENCH_SWEEP_STORES ?? 'pglite,postgres').split(',');
const MAINTENANCE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = `bench-sweep-${randomUUID().slice(0, 8)}`;
type Variant = 'before' | 'index' | 'after';
for (const variant of VARIANTS) if (!['before', 'index', 'after'].includes(variant)) throw new Error(`BENCH_SWEEP_VARIANTS: unknown variant "${variant}" (before, index, after)`);
if (!Number.isInteger(PENDING) || PENDING < 1) throw new Error(`BENCH_PENDING must be a positive integer (got "${process.env.BENCH_PENDING}")`);

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const perSecond = (count: number, s: number) => `${Math.round(count / s).toLocaleString('en')}/s`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function deleteKeys(redis: Redis, queueName: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `bull:${queueName}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

/** A fresh database per variant: PGlite in memory, or a database of its own on PostgreSQL. */
async function withDatabase(store: string, work: (storage: EventStorage) => Promise<void>): Promise<void> {
  if (store === 'pglite') {
    const storage = await openEventStorage({});
    try {
      await work(storage);
    } finally {
      await storage.close();
    }
    return;
  }
  const database = await createTestDatabase('sweep_bench', MAINTENANCE_URL);
  try {
    const storage = await openEventStorage({ databaseUrl: database.url });
    try {
      await work(storage);
    } finally {
      await storage.close();
    }
  } finally {
    await database.drop();
  }
}

/** The queue alone: as many delayed jobs in pages of 1000, as the sweep adds them, with no SQL. */
async function queueCeiling(redis: Redis, timerIds: string[], now: number): Promise<number> {
  const queue = new TimerQueue(`${RUN}-ceiling`, REDIS_URL, 'ceiling');
  const started = process.hrtime.bigint();
  for (let start = 0; start < timerIds.length; start += 1000) {
    await queue.add(timerIds.slice(start, start + 1000).map((timerId) => ({ timerId, delayMs: 86_400_000, timestamp: now })));
  }
  const s = seconds(started);
  await queue.close();
  await deleteKeys(redis, queue.name);
  return s;
}

async function sweepFigure(store: string, variant: Variant, redis: Redis, ids: string[]): Promise<string> {
  const timers = issueTimers().slice(0, PENDING);
  let row = '';
  await withDatabase(store, async (storage) => {
    await migrateTimerTables(storage.database);
    await insertTimers(storage.database, timers);
    if (variant === 'before') await storage.database.query('drop index read_timers_due_order');
    if (variant === 'after') await storage.database.query('analyze read_timers');
    const queue = new TimerQueue(`${RUN}-${store}-${variant}`, REDIS_URL, await storage.store.storeId());
    // Real clock just before the plan starts, a horizon over the whole plan: every timer becomes a delayed job.
    const now = new Date('2021-08-01T00:00:00Z');
    const sweep = new TimerSweep({ database: storage.database, queue, clock: new ManualClock(now), virtual: false, horizonMs: 10 * 365 * 86_400_000 });
    const loadBefore = load();
    const started = process.hrtime.bigint();
    const { added } = await sweep.sweepOnce();
    const sweepSeconds = seconds(started);
    await queue.close();
    await deleteKeys(redis, queue.name);
    const ceiling = await queueCeiling(redis, ids.slice(0, added), now.getTime());
    log(`${store} ${variant}: ${added} swept in ${sweepSeconds.toFixed(1)} s`);
    row = `| ${store} | ${variant} | ${added.toLocaleString('en')} | ${perSecond(added, sweepSeconds)} (${sweepSeconds.toFixed(1)} s) | ${perSecond(added, ceiling)} | ${loadBefore} → ${load()} |`;
  });
  return row;
}

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const ids = issueTimers().slice(0, PENDING).map((timer) => timer.timerId);
  const rows: string[] = [];
  try {
    for (const store of STORES) for (const variant of VARIANTS) rows.push(await sweepFigure(store, variant, redis, ids));
  } finally {
    redis.disconnect();
  }
  console.log(`\nReal-clock sweep of ${PENDING.toLocaleString('en')} pending timers into BullMQ (pages of 1000), node ${process.version}\n`);
  console.log('| store | variant | timers | sweep (timers/s) | ceiling: BullMQ addBulk alone, same run | load average (1, 5, 15 min) before → after |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
