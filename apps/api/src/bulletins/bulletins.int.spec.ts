import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { verifyReferencedFiles } from '@planledger/audit';
import { BULLETIN_ISSUED, bulletinStreamOf } from '@planledger/bulletins';
import { knownHistory } from '@planledger/bulletins/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

let api: ApiTestApp;
let planner: Record<string, string>;
let auditor: Record<string, string>;
let head: Record<string, string>;

beforeAll(async () => {
  api = await startApiTestApp({ now: new Date('2022-03-16T02:00:00Z') });
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  auditor = await api.authAs({ subject: 'zhao.auditor', roles: ['auditor'] });
  head = await api.authAs({ subject: 'li.head', roles: ['department_head'], departments: ['school-a'] });
  for (const { target, command } of knownHistory().steps) {
    const result = await api.executor.execute(target, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
  }
  await api.project();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

const base = `/plans/${PLAN_ID}/bulletins`;
const issue = (json: unknown, headers = planner) => call(api.url, 'POST', base, { json, headers });
const download = async (path: string, headers: Record<string, string>) => {
  const response = await fetch(`${api.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
};

describe('bulletins over HTTP', () => {
  it('given a planner, when a bulletin is issued with a number, then it is recorded as BulletinIssued with both documents hashed', async () => {
    const response = await issue({ asOf: '2022-03-15', asOfBasis: 'business', number: '連區教督〔2022〕3号' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      planId: PLAN_ID, number: '連區教督〔2022〕3号', issuedOn: '2022-03-16', issuedBy: 'wang.office',
      period: { kind: 'plan' }, figures: { issued: 6, accepted: 4, acceptedOnTime: 3, onTimeRate: 0.6, overdueNow: 1, escalatedNow: 1 },
    });
    expect(response.body.documents.map((d: { format: string; name: string }) => [d.format, d.name])).toEqual([['docx', '連區教督〔2022〕3号.docx'], ['xlsx', '連區教督〔2022〕3号.xlsx']]);
    const stored = [];
    for await (const event of api.storage.store.readStream(bulletinStreamOf(PLAN_ID))) stored.push(event);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: BULLETIN_ISSUED, schemaVersion: 1, metadata: { actor: { userId: 'wang.office' } } });
    // audit verify hashes the documents again.
    const files = await verifyReferencedFiles(api.storage.store, `${api.config.DATA_DIR}/files`);
    expect(files.problems).toEqual([]);
    expect(files.referencesChecked).toBeGreaterThanOrEqual(2);
  });

  it('when the same number is issued again, then 409 bulletin_number_taken and nothing is appended', async () => {
    const response = await issue({ asOf: '2022-03-20', asOfBasis: 'business', number: '連區教督〔2022〕3号' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'bulletin_number_taken', number: '連區教督〔2022〕3号' });
    expect((await call(api.url, 'GET', base, { headers: auditor })).body.bulletins).toHaveLength(1);
  });

  it('without a number, then the next one in sequence for the plan and year is given; a phase bulletin counts that phase', async () => {
    const response = await issue({ asOf: '2022-03-15', asOfBasis: 'business', period: { kind: 'phase', phaseId: 'mobilise' } });
    expect(response.status).toBe(201);
    expect(response.body.number).toBe('連區教督〔2022〕4号');
    expect(response.body.title).toBe('关于动员阶段工作推进情况的通报');
    expect(response.body.figures).toMatchObject({ issued: 5, accepted: 4 });
    expect((await issue({ asOf: '2022-03-15', asOfBasis: 'business', period: { kind: 'phase', phaseId: 'nope' } })).status).toBe(400);
  });

  it('lists the bulletins, and an auditor downloads the .docx and .xlsx whose hashes are the recorded ones; the download is recorded', async () => {
    const list = await call(api.url, 'GET', base, { headers: auditor });
    expect(list.status).toBe(200);
    expect(list.body.bulletins.map((b: { number: string }) => b.number)).toEqual(['連區教督〔2022〕3号', '連區教督〔2022〕4号']);
    const [docxRef, xlsxRef] = list.body.bulletins[0].documents;
    const docx = await download(docxRef.url, auditor);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(createHash('sha256').update(docx.body).digest('hex')).toBe(docxRef.sha256);
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('連區教督〔2022〕3号');
    expect(xml).toContain('丙小学');
    const xlsx = await download(xlsxRef.url, auditor);
    expect(createHash('sha256').update(xlsx.body).digest('hex')).toBe(xlsxRef.sha256);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('各单位')!.getRow(4).values).toEqual([undefined, 3, '丙小学', 1, 1, 1, 1, '100.0%', 0, 0, 0]);
    const downloads = await call(api.url, 'GET', '/audit/file-downloads', { headers: auditor });
    expect(downloads.body.entries).toContainEqual(expect.objectContaining({ type: 'BulletinDownloaded', personId: 'zhao.auditor', planId: PLAN_ID, bulletinNumber: '連區教督〔2022〕3号', sha256: docxRef.sha256, outcome: 'served' }));
    expect((await download(`${base}/${encodeURIComponent('連區教督〔2022〕9号.docx')}`, auditor)).status).toBe(404);
  });

  it('previews the model as JSON without storing anything', async () => {
    const response = await call(api.url, 'GET', `${base}/preview?asOf=2022-03-15&asOfBasis=business`, { headers: planner });
    expect(response.status).toBe(200);
    expect(response.body.sections.map((s: { kind: string }) => s.kind)).toEqual(['overview', 'byDepartment', 'byPhase', 'overdue', 'escalated', 'ranking', 'commendations']);
    expect(response.body.sections[3].items[0]).toMatchObject({ assignmentId: 'm3.school-b.once', dueWeekday: '星期六', daysOverdue: 10, escalatedTo: { id: 'office' } });
    expect((await call(api.url, 'GET', base, { headers: auditor })).body.bulletins).toHaveLength(2);
    expect((await call(api.url, 'GET', `${base}/preview?asOf=2022-03-15&asOfBasis=business&phase=nope`, { headers: planner })).status).toBe(400);
    const month = await call(api.url, 'GET', `${base}/preview?asOf=2022-04-10&asOfBasis=business&from=2022-04-01&to=2022-04-30`, { headers: planner });
    expect(month.status).toBe(200);
    expect(month.body.period).toEqual({ kind: 'window', from: '2022-04-01', to: '2022-04-30', name: '2022年4月' });
    expect(month.body.sections[0].figures).toMatchObject({ issued: 1, assessed: 1, overdueNow: 1 }); // m4, due 4 April
    expect((await call(api.url, 'GET', `${base}/preview?asOf=2022-04-10&asOfBasis=business&from=2022-04-01`, { headers: planner })).status).toBe(400);
  });

  it('refuses department heads (403) everywhere and auditors when issuing', async () => {
    expect((await issue({ asOf: '2022-03-15' }, head)).status).toBe(403);
    expect((await issue({ asOf: '2022-03-15' }, auditor)).status).toBe(403);
    expect((await call(api.url, 'GET', base, { headers: head })).status).toBe(403);
    expect((await call(api.url, 'GET', `${base}/preview`, { headers: head })).status).toBe(403);
    expect((await download(`${base}/${encodeURIComponent('連區教督〔2022〕3号.docx')}`, head)).status).toBe(403);
  });

  it('answers 404 for a plan that does not exist', async () => {
    expect((await call(api.url, 'GET', '/plans/no-such-plan/bulletins', { headers: auditor })).status).toBe(404);
    expect((await call(api.url, 'POST', '/plans/no-such-plan/bulletins', { json: { asOf: '2022-03-15' }, headers: planner })).status).toBe(404);
  });
});
