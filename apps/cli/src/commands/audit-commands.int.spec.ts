import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AUDIT_EXPORTED, ASSIGNMENT_COLUMNS, EVENT_COLUMNS, headerOf, loadPlanEvents, toEventRow } from '@planledger/audit';
import { runLianyunThroughEngine, tamperWithStoredEvent } from '@planledger/audit/testing';
import { CommandExecutor } from '@planledger/engine';
import { openEventStorage, type EventStorage } from '@planledger/event-store';
import { getPlanOverview, migrateReadModels, rebuildReadModels } from '@planledger/projections';
import { auditExport } from './audit-export.command';
import { auditVerify } from './audit-verify.command';
import { XLSX_SHEETS } from './audit-export-xlsx';

const PLAN = 'lianyun-2030';
const dataDir = mkdtempSync(join(tmpdir(), 'planledger-audit-cli-'));
const env = { DATA_DIR: dataDir, PLANLEDGER_ACTOR: 'zhao.auditor' } as NodeJS.ProcessEnv;

function captured() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}
async function run(command: (io: { env: NodeJS.ProcessEnv; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }) => Promise<number>) {
  const stdout = captured();
  const stderr = captured();
  const code = await command({ env, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
/** The CLI opens DATA_DIR/pglite itself: the test opens it only between CLI runs, as the service would. */
async function withStorage<T>(use: (storage: EventStorage) => Promise<T>): Promise<T> {
  const storage = await openEventStorage({ dataDir: join(dataDir, 'pglite') });
  try {
    return await use(storage);
  } finally {
    await storage.close();
  }
}

let issued: string[];
beforeAll(async () => {
  issued = await withStorage(async (storage) => {
    await migrateReadModels(storage.database);
    return runLianyunThroughEngine(new CommandExecutor(storage.store), PLAN, { rebase: '2030-09-01', timers: 60, acknowledged: 5 });
  });
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('planledger audit export', () => {
  it('writes an xlsx whose sheets hold the assignments as GET /plans/{id} shows them and every event of the plan', async () => {
    const out = join(dataDir, 'lianyun.xlsx');
    const result = await run((io) => auditExport({ plan: PLAN, format: 'xlsx', out }, io));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^wrote .*lianyun\.xlsx: \d+ assignments, \d+ events of lianyun-2030/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const rowsOf = (name: string) => {
      const values: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const [assignmentHeader, ...assignmentRows] = rowsOf(XLSX_SHEETS.assignments);
    const [eventHeader, ...eventRows] = rowsOf(XLSX_SHEETS.events);
    expect(assignmentHeader).toEqual(ASSIGNMENT_COLUMNS.map(headerOf));
    expect(assignmentHeader).toContain('事项 Assignment');
    expect(eventHeader).toEqual(EVENT_COLUMNS.map(headerOf));

    const { overview, planEvents } = await withStorage(async (storage) => {
      await rebuildReadModels({ store: storage.store, database: storage.database });
      return { overview: (await getPlanOverview(storage.database, PLAN))!, planEvents: (await loadPlanEvents(storage.store, PLAN))!.events };
    });
    expect(assignmentRows.map((row) => [row[1], row[5], row[8]])).toEqual(overview.assignments.map((a) => [a.assignmentId, a.departmentId, a.status]));
    expect(assignmentRows.map((row) => row[1])).toEqual(expect.arrayContaining(issued));
    expect(assignmentRows.filter((row) => row[8] === 'acknowledged')).toHaveLength(5);
    // Every event of the plan's streams, in record order, with its hash (empty cells read back as undefined).
    const expected = planEvents.map(toEventRow);
    expect(eventRows.map((row) => [row[2], row[3], row[4], row[9]])).toEqual(expected.map((e) => [e.stream, e.revision, e.type, e.hash]));
    expect(eventRows.length).toBeGreaterThan(issued.length);
  });

  it('as of a date before the first issue shows no assignments and only the events recorded by then; csv and json too', async () => {
    const base = join(dataDir, 'early');
    const earlier = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const csv = await run((io) => auditExport({ plan: PLAN, format: 'csv', out: `${base}.csv`, asOf: earlier }, io));
    expect(csv.code).toBe(0);
    const assignmentsCsv = readFileSync(`${base}-assignments.csv`, 'utf8');
    expect(assignmentsCsv.startsWith('\uFEFF计划 Plan,事项 Assignment,')).toBe(true);
    expect(assignmentsCsv.trim().split('\r\n')).toHaveLength(1); // nothing had been recorded yesterday
    expect(readFileSync(`${base}-events.csv`, 'utf8').trim().split('\r\n')).toHaveLength(1);

    const json = await run((io) => auditExport({ plan: PLAN, format: 'json', out: `${base}.json` }, io));
    expect(json.code).toBe(0);
    const document = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    expect(document.overview.plan.planId).toBe(PLAN);
    expect(document.overview.assignments.length).toBe(issued.length);
    expect(document.events[0]).toMatchObject({ stream: `plan-${PLAN}`, revision: 0, type: 'PlanDrafted', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('records every export in the audit trail', async () => {
    const exports = await withStorage(async (storage) => {
      const found = [];
      for await (const event of storage.store.readAll()) if (event.type === AUDIT_EXPORTED) found.push(event);
      return found;
    });
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports[0]).toMatchObject({ stream: expect.stringMatching(/^audit-\d{4}-\d{2}$/), schemaVersion: 1, metadata: { actor: { userId: 'zhao.auditor', role: 'auditor' } } });
    expect(exports[0].data).toMatchObject({ planId: PLAN, format: 'xlsx' });
  });
});

describe('planledger audit verify', () => {
  it('prints the heads digest and "no broken links" on untouched history', async () => {
    const result = await run(auditVerify);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^heads digest [0-9a-f]{64}\nchecked \d+ events in \d+ streams, 0 files\nno broken links\nno missing or damaged files\n$/);
  });

  it('names the stream and revision of an event changed in the database, and exits 1', async () => {
    const [target] = issued;
    const stream = `assignment-${PLAN}.${target}`;
    await withStorage((storage) => tamperWithStoredEvent(storage.database, stream, 1, '"departmentId":"', '"departmentId":"x'));
    const result = await run(auditVerify);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`broken link: stream ${stream} revision 1 `);
    expect(result.stdout).toMatch(/\n1 broken link\nno missing or damaged files\n$/);
  });

  it('refuses, saying why, while another process has the PGlite data open', async () => {
    const pidFile = join(dataDir, 'pglite', 'postmaster.pid');
    writeFileSync(pidFile, '-42\n');
    try {
      const result = await run(auditVerify);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is open in another process .*PGlite belongs to one process: stop the service/);
    } finally {
      rmSync(pidFile, { force: true });
    }
  });
});
