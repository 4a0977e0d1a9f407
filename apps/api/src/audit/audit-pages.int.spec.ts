import ExcelJS from 'exceljs';
import { AUDIT_EXPORTED, AUDIT_RECORD_VIEWED, auditStreamOf, XLSX_SHEETS } from '@planledger/audit';
import { runLianyunThroughEngine } from '@planledger/audit/testing';
import type { StoredEvent } from '@planledger/event-store';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/* The routes behind the auditors' pages: event log, an assignment as of a moment, and the downloads. */

const PLAN = 'lianyun-2031';
let api: ApiTestApp;
let auditor: Record<string, string>;
let issued: string[];
const get = (path: string, headers = auditor) => call(api.url, 'GET', path, { headers });

async function auditTrail(): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of api.storage.store.readStream(auditStreamOf(new Date()))) events.push(event);
  return events;
}

async function download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${api.url}${path}`, { headers: auditor });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  api = await startApiTestApp();
  auditor = await api.authAs({ subject: 'qian.auditor', roles: ['auditor'] });
  issued = await runLianyunThroughEngine(api.executor, PLAN, { rebase: '2031-09-01', timers: 40, acknowledged: 3 });
  await api.project();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

interface LogEvent { stream: string; revision: number; type: string; planId: string | null; departmentId: string | null; actor: { userId: string } | null; recordedAt: string; hash: string; schemaVersion: number; businessTime: string | null }

describe('GET /audit/events', () => {
  it('pages newest first without overlap: page 2 continues exactly where page 1 stopped', async () => {
    const all = (await get(`/audit/events?plan=${PLAN}&limit=200`)).body.events as LogEvent[];
    expect(all.length).toBeGreaterThan(20);
    const first = await get(`/audit/events?plan=${PLAN}&limit=10`);
    expect(first.status).toBe(200);
    expect(first.body.page.nextCursor).toEqual(expect.any(String));
    const second = await get(`/audit/events?plan=${PLAN}&limit=10&cursor=${first.body.page.nextCursor}`);
    const paged = [...first.body.events, ...second.body.events] as LogEvent[];
    expect(paged.map((e) => e.hash)).toEqual(all.slice(0, 20).map((e) => e.hash));
    const times = all.map((e) => Date.parse(e.recordedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ planId: PLAN, schemaVersion: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('filters by type, person, department, assignment and recorded time, each alone giving only what it names', async () => {
    const acknowledged = (await get(`/audit/events?type=AssignmentAcknowledged`)).body.events as LogEvent[];
    expect(acknowledged).toHaveLength(3);
    const head = acknowledged[0].actor!.userId;
    const byPerson = (await get(`/audit/events?person=${head}`)).body.events as LogEvent[];
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.every((e) => e.actor?.userId === head)).toBe(true);

    const department = acknowledged[0].departmentId!;
    const byDepartment = (await get(`/audit/events?plan=${PLAN}&department=${department}&limit=200`)).body.events as LogEvent[];
    expect(byDepartment.map((e) => e.type)).toEqual(expect.arrayContaining(['AssignmentIssued', 'AssignmentAcknowledged']));
    expect(byDepartment.every((e) => e.departmentId === department)).toBe(true);

    const byAssignment = (await get(`/audit/events?plan=${PLAN}&assignment=${issued[0]}`)).body.events as LogEvent[];
    expect(new Set(byAssignment.map((e) => e.stream))).toEqual(new Set([`assignment-${PLAN}.${issued[0]}`]));
    expect((await get(`/audit/events?assignment=${PLAN}.${issued[0]}`)).body.events).toEqual(byAssignment);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(`/audit/events?from=${encodeURIComponent(future)}`)).body.events).toEqual([]);
    const none = await get(`/audit/events?plan=${PLAN}&to=2000-01-01T00:00:00Z`);
    expect(none.body).toEqual({ events: [], page: { limit: 50, nextCursor: null } });
  });

  it('answers 400 naming a bad cursor or filter, and records each view with its filters', async () => {
    const bad = await get('/audit/events?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await get('/audit/events?assignment=bare-id')).body.problems).toEqual([expect.objectContaining({ path: 'query.assignment' })]);
    expect((await get('/audit/events?limit=1000')).status).toBe(400);
    const views = (await auditTrail()).filter((e) => e.type === AUDIT_RECORD_VIEWED).map((e) => e.data);
    expect(views).toContainEqual(expect.objectContaining({ route: 'GET /audit/events', filters: { type: 'AssignmentAcknowledged' }, shown: 3 }));
  });

  it('is closed to department heads', async () => {
    const head = await api.authAs({ roles: ['department_head'], departments: ['lianyun-bureau'] });
    expect((await get('/audit/events', head)).status).toBe(403);
  });
});

describe('GET /assignments/{id}?asOf=', () => {
  it('shows the assignment as it stood: issued before its acknowledgement, acknowledged now, 404 before it was issued', async () => {
    const ref = `${PLAN}.${issued[0]}`;
    const before = await get(`/assignments/${ref}?asOf=2031-09-01&asOfBasis=business`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'issued', allowedActions: [], asOf: { basis: 'business', requested: '2031-09-01', instant: '2031-09-01T23:59:59.999+08:00' } });
    expect(before.body.history.map((h: { type: string }) => h.type)).not.toContain('AssignmentAcknowledged');

    const now = await get(`/assignments/${ref}?asOf=${encodeURIComponent(new Date().toISOString())}`);
    const live = await get(`/assignments/${ref}`);
    expect(now.body.status).toBe('acknowledged');
    expect(now.body.history).toEqual(live.body.history);
    expect(live.body.asOf).toBeUndefined();

    const notYet = await get(`/assignments/${ref}?asOf=2031-08-01&asOfBasis=business`);
    expect(notYet.status).toBe(404);
    expect(notYet.body.message).toMatch(/had not been issued by/);
    expect((await get(`/assignments/${ref}?asOf=2031-02-30`)).status).toBe(400);
    const views = (await auditTrail()).filter((e) => e.type === AUDIT_RECORD_VIEWED).map((e) => e.data);
    expect(views).toContainEqual(expect.objectContaining({ route: 'GET /assignments/{id}?asOf', stream: `assignment-${ref}`, asOfBasis: 'business' }));
  });
});

describe('GET /audit/plans/{id}/export', () => {
  it('sends the CLI\'s workbook (assignments, events, about) as of the moment, and records the export', async () => {
    const xlsx = await download(`/audit/plans/${PLAN}/export?format=xlsx&asOf=2031-09-01&asOfBasis=business`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(`${PLAN}-as-of-2031-09-01.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([XLSX_SHEETS.assignments, XLSX_SHEETS.events, XLSX_SHEETS.about]);
    const statuses = new Set<string>();
    workbook.getWorksheet(XLSX_SHEETS.assignments)!.eachRow((row, index) => { if (index > 1) statuses.add(String(row.getCell(9).value)); });
    expect([...statuses]).toEqual(['issued']);
    const trail = (await auditTrail()).filter((e) => e.type === AUDIT_EXPORTED).map((e) => e.data);
    expect(trail).toContainEqual(expect.objectContaining({ route: 'GET /audit/plans/{id}/export', planId: PLAN, format: 'xlsx', asOfBasis: 'business' }));
  });

  it('sends csv one part at a time (400 without a part), and json with the hashes', async () => {
    expect((await get(`/audit/plans/${PLAN}/export?format=csv`)).body.problems).toEqual([expect.objectContaining({ path: 'query.part' })]);
    const events = await download(`/audit/plans/${PLAN}/export?format=csv&part=events`);
    expect(events.status).toBe(200);
    const text = events.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF记录时间 Recorded at,')).toBe(true);
    expect(text).toContain('AssignmentAcknowledged');
    const json = JSON.parse((await download(`/audit/plans/${PLAN}/export?format=json`)).bytes.toString('utf8'));
    expect(json).toMatchObject({ planId: PLAN, asOf: { basis: 'recorded' } });
    expect(json.events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await get('/audit/plans/no-such-plan/export?format=json')).status).toBe(404);
  });
});

describe('GET /audit/sign-ins/export', () => {
  it('sends the sign-in records as csv and xlsx, and is closed to planners', async () => {
    await call(api.url, 'POST', '/session', { json: { login: 'nobody', password: 'wrong-password-1' }, headers: { origin: api.url } });
    // The test app's clock stands at 2031-01-10T02:00Z; `to` is exclusive, so the period ends after it.
    const period = 'from=2031-01-01T00:00:00Z&to=2031-01-11T00:00:00Z';
    const csv = await download(`/audit/sign-ins/export?format=csv&${period}`);
    expect(csv.status).toBe(200);
    const text = csv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF时间 At,记录类型 Type,登录名 Person,客户端地址 Client address,记录人 Recorded by,详情 Detail,事件流 Stream,序号 Revision');
    expect(text).toContain('SignInFailed');
    const xlsx = await download(`/audit/sign-ins/export?format=xlsx&${period}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBeGreaterThan(1);
    const planner = await api.authAs({ roles: ['planner'] });
    expect((await get('/audit/sign-ins/export?format=csv', planner)).status).toBe(403);
  });
});
