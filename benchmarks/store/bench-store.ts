/*
 * npm run bench:store — append and readAll throughput of the SQL event store on PGlite and
 * PostgreSQL, each beside the raw ceiling of the same driver in the same run:
 *   appends  vs plain INSERT of rows of the same size into a table without keys, indexes or triggers;
 *   readAll  vs plain SELECT (cursor, same page size) of a copy of the same rows.
 * Environment: BENCH_READ_EVENTS (default 1000000), BENCH_SECONDS per side of an append figure (default 4),
 * BENCH_PG_URL (maintenance database, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_ADAPTERS (default "pglite,postgres").
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the benchmark drives the SQL adapter's internals
   so that the raw ceiling runs on the very same connection (PGlite allows one instance per data
   directory); nothing outside benchmarks does this. */
import { openPgliteExecutor } from '../../libs/event-store/src/pglite/open-pglite-event-store';
import { PostgresExecutor } from '../../libs/event-store/src/postgres/postgres-executor';
import { runMigrations } from '../../libs/event-store/src/sql/run-migrations';
import { SqlEventStore } from '../../libs/event-store/src/sql/sql-event-store';
import type { SqlExecutor } from '../../libs/event-store/src/sql/sql-executor';
import type { EventInput } from '../../libs/event-store/src/port/event-types';
import { createTestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';

const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const SLICE_SECONDS = 0.5;
const MAINTENANCE_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADAPTERS = (process.env.BENCH_ADAPTERS ?? 'pglite,postgres').split(',');
const READ_PAGE = 5_000;

interface Row {
  adapter: string;
  figure: string;
  store: number;
  raw: number;
  aim: number;
}

const data = {
  planId: 'plan-2026-basic-education',
  assignmentId: 'a-000123',
  assignee: { userId: 'u-4711', name: '王老师' },
  due: '2027-03-01T17:00:00+08:00',
  note: '完成本学期教师培训计划并提交总结报告。'.repeat(2),
};
const metadata = {
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { userId: 'u-1', role: 'coordinator', departmentId: 'd-9' },
  businessTime: '2026-09-01T08:00:00+08:00',
};
const event = (): EventInput => ({ eventId: randomUUID(), type: 'AssignmentMade', schemaVersion: 1, data, metadata });
const dataJson = JSON.stringify(data);
const metadataJson = JSON.stringify(metadata);
const fakeHash = 'f'.repeat(64);

const RAW_TABLE = `create table bench_raw_events (
  stream text, revision bigint, event_id uuid, type text, schema_version integer, data json, metadata json,
  recorded_at timestamptz, prev_hash text, hash text, transaction_id xid8, position bigint)`;

function rawInsert(stream: string, firstRevision: number, count: number): [string, unknown[]] {
  const values: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const p = params.length;
    values.push(`($${p + 1}, $${p + 2}, $${p + 3}, 'AssignmentMade', 1, $${p + 4}, $${p + 5}, now(), $${p + 6}, $${p + 7}, pg_current_xact_id(), $${p + 2})`);
    params.push(stream, firstRevision + i, randomUUID(), dataJson, metadataJson, fakeHash, fakeHash);
  }
  return [`insert into bench_raw_events values ${values.join(', ')}`, params];
}

/** Runs `work` on `writers` concurrent writers for `seconds`; returns [events done, seconds taken]. */
async function slice(seconds: number, writers: number, work: (writer: number) => Promise<number>): Promise<[number, number]> {
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let done = 0;
      while (Date.now() < deadline) done += await work(writer);
      return done;
    }),
  );
  return [counts.reduce((a, b) => a + b, 0), Number(process.hrtime.bigint() - started) / 1e9];
}

/**
 * Store and raw alternate in short slices, so that load from elsewhere on the machine hits both
 * alike; each side's rate is its total events over its total time.
 */
async function alternate(writers: number, store: (writer: number) => Promise<number>, raw: (writer: number) => Promise<number>): Promise<[number, number]> {
  const slices = Math.max(2, Math.round(SECONDS / SLICE_SECONDS));
  const totals = { store: [0, 0], raw: [0, 0] };
  for (let i = 0; i < slices; i++) {
    const [storeEvents, storeSeconds] = await slice(SLICE_SECONDS, writers, store);
    const [rawEvents, rawSeconds] = await slice(SLICE_SECONDS, writers, raw);
    totals.store[0] += storeEvents;
    totals.store[1] += storeSeconds;
    totals.raw[0] += rawEvents;
    totals.raw[1] += rawSeconds;
  }
  return [totals.store[0] / totals.store[1], totals.raw[0] / totals.raw[1]];
}

async function benchAppends(adapter: string, store: SqlEventStore, raw: SqlExecutor, rows: Row[]): Promise<void> {
  for (const writers of [1, 8]) {
    for (const batch of [1, 10]) {
      const run = randomUUID().slice(0, 8);
      const revisions = new Map<number, bigint | 'no_stream'>();
      const rawRevisions = new Map<number, number>();
      const [storeRate, rawRate] = await alternate(
        writers,
        async (writer) => {
          const result = await store.append(`bench-${run}-${writer}`, Array.from({ length: batch }, event), revisions.get(writer) ?? 'no_stream');
          revisions.set(writer, result.nextExpectedRevision);
          return batch;
        },
        async (writer) => {
          const first = rawRevisions.get(writer) ?? 0;
          await raw.query(...rawInsert(`raw-${run}-${writer}`, first, batch));
          rawRevisions.set(writer, first + batch);
          return batch;
        },
      );
      rows.push({ adapter, figure: `append, ${writers} writer${writers > 1 ? 's' : ''}, batch ${batch}`, store: storeRate, raw: rawRate, aim: 0.7 });
      log(`${adapter}: ${rows[rows.length - 1].figure}: ${storeRate.toFixed(0)} vs ${rawRate.toFixed(0)} events/s`);
    }
  }
}

/** Bulk-loads READ_EVENTS rows (hash links are placeholders: readAll does not check them). */
async function fillForReading(executor: SqlExecutor): Promise<void> {
  const chunk = 100_000;
  for (let from = 0; from < READ_EVENTS; from += chunk) {
    const to = Math.min(READ_EVENTS, from + chunk) - 1;
    await executor.query(
      `insert into event_store_events (stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       select 'read-' || (g % 1000), g / 1000, gen_random_uuid(), 'AssignmentMade', 1, $3::json, $4::json, now(), $5, $5
       from generate_series($1::bigint, $2::bigint) g`,
      [from, to, dataJson, metadataJson, fakeHash],
    );
  }
  await executor.query('create table bench_raw_read as select * from event_store_events');
  await executor.query('vacuum analyze event_store_events');
  await executor.query('vacuum analyze bench_raw_read');
}

async function benchReadAll(adapter: string, store: SqlEventStore, executor: SqlExecutor, rows: Row[]): Promise<void> {
  log(`${adapter}: loading ${READ_EVENTS} events for readAll`);
  await fillForReading(executor);
  let started = process.hrtime.bigint();
  let count = 0;
  for await (const _event of store.readAll()) count++;
  const storeRate = count / (Number(process.hrtime.bigint() - started) / 1e9);

  started = process.hrtime.bigint();
  let rawCount = 0;
  await executor.transaction(async (tx) => {
    await tx.query('declare bench_cursor no scroll cursor for select * from bench_raw_read');
    for (;;) {
      const page = await tx.query(`fetch forward ${READ_PAGE} from bench_cursor`);
      rawCount += page.length;
      if (page.length < READ_PAGE) break;
    }
  });
  const rawRate = rawCount / (Number(process.hrtime.bigint() - started) / 1e9);
  rows.push({ adapter, figure: `readAll over ${count.toLocaleString('en')} events`, store: storeRate, raw: rawRate, aim: 0.5 });
  log(`${adapter}: readAll ${storeRate.toFixed(0)} vs select ${rawRate.toFixed(0)} events/s (${rawCount} raw rows)`);
}

async function benchAdapter(adapter: string, executor: SqlExecutor, rows: Row[]): Promise<void> {
  await runMigrations(executor);
  await executor.query(RAW_TABLE);
  const store = new SqlEventStore(executor);
  await benchAppends(adapter, store, executor, rows);
  await benchReadAll(adapter, store, executor, rows);
}

async function withPostgresDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const database = await createTestDatabase('bench', MAINTENANCE_URL);
  try {
    await work(database.url);
  } finally {
    await database.drop();
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function printTable(rows: Row[]): void {
  const header = ['adapter', 'figure', 'store events/s', 'raw ceiling/s', 'ratio', 'aim'];
  const body = rows.map((row) => {
    const ratio = row.store / row.raw;
    return [row.adapter, row.figure, row.store.toFixed(0), row.raw.toFixed(0), `${(ratio * 100).toFixed(0)} %`, `${ratio >= row.aim ? 'met' : 'MISSED'} (≥ ${row.aim * 100} %)`];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of body) console.log(line(cells));
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  if (ADAPTERS.includes('pglite')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
    const executor = await openPgliteExecutor({ dataDir, inWorker: false });
    try {
      await benchAdapter('PGlite', executor, rows);
    } finally {
      await executor.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (ADAPTERS.includes('postgres')) {
    await withPostgresDatabase(async (url) => {
      const executor = new PostgresExecutor({ connectionString: url, max: 8 });
      try {
        await benchAdapter('PostgreSQL', executor, rows);
      } finally {
        await executor.close();
      }
    });
  }
  console.log(`\nEvent store benchmark (${SECONDS} s per append figure, node ${process.version})\n`);
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
