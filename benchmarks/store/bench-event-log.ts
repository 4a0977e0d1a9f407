/*
 * npm run bench:event-log — GET /audit/events' SQL (apps/api event-log-sql.ts, the statement the
 * route runs) on a PGlite store of BENCH_LOG_EVENTS events (default 1,000,000: 50,000 assignment
 * streams of 20 plans × 60 measures × 42 schools, 6 event types, 1,000 people, one event every 30 s).
 * Each figure is the median of BENCH_ROUNDS (default 15) first and second pages of 50, beside the
 * ceiling measured in the same run: 50 rows read by the primary key (one stream, revisions 0–49 of a
 * copy table), the least a page of 50 can cost. Also: the time migration 4 takes to build its
 * indexes on the filled table (what an existing installation pays once, at its next start).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the bench runs the route's own statement on the adapter's executor */
import { openPgliteExecutor } from '../../libs/event-store/src/pglite/open-pglite-event-store';
import { MIGRATIONS } from '../../libs/event-store/src/sql/migrations';
import { EVENT_STORE_MIGRATIONS, runMigrations } from '../../libs/event-store/src/sql/run-migrations';
import { eventLogStatement, encodeEventLogCursor } from '../../apps/api/src/audit/event-log/event-log-sql';
import type { EventLogQuery } from '../../apps/api/src/audit/event-log/event-log-schemas';
/* eslint-enable @nx/enforce-module-boundaries */

const EVENTS = Number(process.env.BENCH_LOG_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CHUNK = 100_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Stream s = g % 50000 holds revision g / 50000: 20 events per stream, spread over the whole period.
const fill = (from: number, to: number) => `
insert into event_store_events (stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
select 'assignment-plan-' || (s % 20) || '.measure-' || (s / 20 % 60) || '.school-' || (s / 1200),
       g / 50000, gen_random_uuid(),
       (array['AssignmentIssued','AssignmentAcknowledged','AssignmentReminderDue','AssignmentSubmitted','AssignmentOverdue','AssignmentAccepted'])[1 + g % 6],
       1,
       json_build_object('departmentId', 'school-' || (s / 1200), 'note', '本学期教师培训计划总结报告'),
       json_build_object('actor', json_build_object('userId', 'person-' || (g % 1000), 'role', 'department_head', 'departmentId', 'school-' || (s / 1200)),
                         'businessTime', to_char(timestamptz '2024-01-01' + g * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       timestamptz '2024-01-01' + g * interval '30 seconds', md5(g::text) || md5(g::text), md5((g + 1)::text) || md5(g::text)
from generate_series(${from}, ${to - 1}) g, lateral (select g % 50000 as s) x`;

void (async () => {
  const dir = mkdtempSync(join(tmpdir(), 'planledger-bench-event-log-'));
  const db = await openPgliteExecutor({ dataDir: dir });
  try {
    await runMigrations(db, { ...EVENT_STORE_MIGRATIONS, migrations: MIGRATIONS.filter((m) => m.version < 4) });
    let t0 = performance.now();
    for (let from = 0; from < EVENTS; from += CHUNK) {
      await db.query(fill(from, Math.min(EVENTS, from + CHUNK)));
      process.stdout.write(`\rfilled ${Math.min(EVENTS, from + CHUNK).toLocaleString('en')} events`);
    }
    log(` in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    t0 = performance.now();
    await runMigrations(db);
    const indexSeconds = (performance.now() - t0) / 1000;
    await db.query('analyze event_store_events');
    await db.query('create table bench_copy as select * from event_store_events where stream = $1', ['assignment-plan-0.measure-0.school-0']);
    await db.query('insert into bench_copy select * from event_store_events where stream = $1', ['assignment-plan-1.measure-0.school-0']);
    await db.query("update bench_copy set stream = 'one', revision = revision + case when position % 2 = 0 then 0 else 20 end");
    await db.query('alter table bench_copy add primary key (stream, revision)');

    const time = async (run: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        await run();
        ms.push(performance.now() - t);
      }
      return median(ms);
    };
    const ceiling = await time(() => db.query("select * from bench_copy where stream = 'one' and revision < 50 order by revision desc"));
    const cases: [string, Partial<EventLogQuery>][] = [
      ['no filter', {}],
      ['plan', { plan: 'plan-7' }],
      ['department', { department: 'school-17' }],
      ['person', { person: 'person-421' }],
      ['type', { type: 'AssignmentSubmitted' }],
      ['assignment', { assignment: 'plan-3.measure-12.school-9' }],
      ['recorded time (one week, a year back)', { from: '2024-03-01T00:00:00Z', to: '2024-03-08T00:00:00Z' }],
      ['plan + type + person + time', { plan: 'plan-1', type: 'AssignmentIssued', person: 'person-1', from: '2024-01-01T00:00:00Z', to: '2024-06-01T00:00:00Z' }],
    ];
    const [l1, l5] = loadavg();
    const lines: string[] = [];
    for (const [name, filter] of cases) {
      const query = { limit: 50, ...filter } as EventLogQuery;
      const first = eventLogStatement(query);
      const rows = await db.query<{ recorded_at_text: string; position: string }>(first.text, first.params);
      const firstMs = await time(() => db.query(first.text, first.params));
      const last = rows[Math.min(rows.length, 50) - 1];
      let secondMs = NaN;
      if (rows.length > 50 && last) {
        const second = eventLogStatement({ ...query, cursor: encodeEventLogCursor({ recordedAt: last.recorded_at_text, position: last.position }) });
        secondMs = await time(() => db.query(second.text, second.params));
      }
      lines.push(`  ${name.padEnd(40)} page 1 ${firstMs.toFixed(1).padStart(7)} ms   page 2 ${Number.isNaN(secondMs) ? '      —' : secondMs.toFixed(1).padStart(7)} ms   (${Math.min(rows.length, 50)} rows)`);
    }
    log('');
    log(`load average ${l1.toFixed(2)} (1 min) ${l5.toFixed(2)} (5 min); PGlite; ${EVENTS.toLocaleString('en')} events; medians of ${ROUNDS}:`);
    log(`  migration 4 (five indexes) on the filled table      ${indexSeconds.toFixed(1)} s`);
    log(`  ceiling: 50 rows by primary key                 ${ceiling.toFixed(1).padStart(7)} ms`);
    for (const line of lines) log(line);
    log('  aim: every page well under 100 ms (a page reads about as many index entries as it shows)');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
})().catch((error: Error) => {
  process.stderr.write(`bench:event-log failed: ${error.message}\n`);
  process.exit(1);
});
