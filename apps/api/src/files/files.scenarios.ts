/* Shared by files.pglite.int.spec.ts and files.postgres.int.spec.ts: the same scenarios on both stores. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { contentPathOf } from '@planledger/audit';
import { streamOf, timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
import { call, type ApiTestApp } from '../testing/api-test-app';
import { uploadAnswer } from './file-schemas';

const LIANYUN = readFileSync(join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const repoRoot = join(__dirname, '../../../..');
const PLAN = 'files-2030';
const BANQIAO = 'norm-year-school-plans.banqiao-junior.once'; // reviewed by liaison-deputy-2
const HAIBIN = 'norm-year-school-plans.haibin-primary.once';
const REF = `${PLAN}.${BANQIAO}`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A small but real-looking PDF: what its header says is what the content check looks at. */
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, 'utf8');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
/** The 50 MB PDF uploaded in the size test (exactly at the limit). */
const big50 = (): Buffer => {
  const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
  pdf('big').copy(big);
  return big;
};
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml')]);

export interface FilesFixture {
  api: ApiTestApp;
  /** Environment for the CLI against the same store (PostgreSQL only: PGlite in memory belongs to the test process). */
  cliEnv?: Record<string, string>;
}

/** multipart/form-data as browsers and fetch send it: each file's name raw UTF-8 in filename="…". */
function formOf(files: { name: string; bytes: Buffer; type?: string }[], field = 'file'): FormData {
  const form = new FormData();
  for (const file of files) form.append(field, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

/** The body `filename*=UTF-8''…` (RFC 5987) writes, as curl or a careful client sends it. */
function rfc5987Multipart(name: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----planledger-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: application/pdf\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head, 'ascii'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'ascii')]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The file name a Content-Disposition header gives (filename* first, as browsers do). */
function dispositionName(header: string | null): string | undefined {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return star ? decodeURIComponent(star[1]!) : undefined;
}

/** Files in the content store (tmp/ excluded). */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'tmp')
      .flatMap((folder) => readdirSync(join(dir, folder.name)).map((name) => `${folder.name}${name}`));
  } catch {
    return [];
  }
}

export function filesScenarios(open: () => Promise<FilesFixture>): void {
  let api: ApiTestApp;
  let cliEnv: Record<string, string> | undefined;
  let filesDir: string;
  const people: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    ({ api, cliEnv } = await open());
    filesDir = join(api.config.DATA_DIR, 'files');
    people.planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
    people.auditor = await api.authAs({ subject: 'sun.audit', roles: ['auditor'] });
    people.banqiao = await api.authAs({ subject: 'zhou.banqiao', roles: ['department_head'], departments: ['banqiao-junior'] });
    people.banqiaoMember = await api.authAs({ subject: 'chen.banqiao', roles: ['department_member'], departments: ['banqiao-junior'] });
    people.haibin = await api.authAs({ subject: 'li.haibin', roles: ['department_head'], departments: ['haibin-primary'] });
    people.liaison = await api.authAs({ subject: 'wang.deputy', roles: ['department_head'], departments: ['liaison-deputy-2'] });
    expect((await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { headers: people.planner, text: LIANYUN })).status).toBe(201);
    expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: people.planner })).status).toBe(200);
    const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
    for (const id of [BANQIAO, HAIBIN]) {
      const timer = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === id);
      expect((await fireTimer(api.executor, timer!)).ok).toBe(true);
    }
    await api.project();
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  const upload = async (id: string, form: FormData, headers: Record<string, string>) => {
    const response = await fetch(`${api.url}/assignments/${PLAN}.${id}/files`, { method: 'POST', body: form, headers });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> & { files?: unknown } };
  };
  const download = (id: string, hash: string, headers: Record<string, string>) => fetch(`${api.url}/assignments/${PLAN}.${id}/files/${hash}`, { headers });
  const verify = async () => {
    const response = await call(api.url, 'POST', '/audit/verify', { headers: people.auditor });
    expect(response.status).toBe(200);
    return response.body as { intact: boolean; filesChecked: number; damagedFiles: { stream: string; revision: number; sha256: string; name: string; problem: string; found?: string }[]; brokenLinks: unknown[] };
  };
  const cliVerify = async () => {
    if (!cliEnv) return undefined;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['bin/planledger.cjs', 'audit', 'verify'], { cwd: repoRoot, env: { ...process.env, ...cliEnv }, encoding: 'utf8' });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  const plan = pdf('实施方案 第一稿');
  const planName = '板桥初中《实施方案》（终稿）.pdf';
  let submittedRevision: number;

  it('a school uploads a PDF with a Chinese name, submits it; the event records its SHA-256; parties download the same bytes under the same name', async () => {
    const uploaded = await upload(BANQIAO, formOf([{ name: planName, bytes: plan, type: 'application/pdf' }, { name: '照片.png', bytes: PNG }]), people.banqiaoMember);
    expect(uploaded.status).toBe(201);
    const { files } = uploadAnswer.parse(uploaded.body);
    expect(files).toEqual([
      { sha256: sha256(plan), name: planName, size: plan.length, mediaType: 'application/pdf' },
      { sha256: sha256(PNG), name: '照片.png', size: PNG.length, mediaType: 'image/png' },
    ]);
    // Content-addressed, and nothing left behind in tmp/.
    expect(readFileSync(contentPathOf(filesDir, sha256(plan)))).toEqual(plan);
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);

    const submitted = await call(api.url, 'POST', `/assignments/${REF}/submit`, { json: { note: '请审阅', attachments: [files[0], { ref: '档案 2031-7', name: '纸质版' }] }, headers: people.banqiao });
    expect(submitted.status).toBe(200);
    const events = [];
    for await (const event of api.storage.store.readStream(streamOf({ aggregate: 'assignment', planId: PLAN, assignmentId: BANQIAO }))) events.push(event);
    const submission = events.find((event) => event.type === 'AssignmentSubmitted')!;
    submittedRevision = Number(submission.revision);
    expect(submission).toMatchObject({ schemaVersion: 3, data: { attachments: [files[0], { ref: '档案 2031-7', name: '纸质版' }] } });

    for (const who of ['banqiao', 'liaison', 'planner', 'auditor']) {
      const response = await download(BANQIAO, sha256(plan), people[who]!);
      expect([who, response.status]).toEqual([who, 200]);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(plan);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-length')).toBe(String(plan.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(dispositionName(response.headers.get('content-disposition'))).toBe(planName);
    }

    // The assignment page lists the document with the address it is downloaded from.
    const detail = await call(api.url, 'GET', `/assignments/${REF}`, { headers: people.liaison });
    expect(detail.body.attachments).toContainEqual(expect.objectContaining({ sha256: sha256(plan), name: planName, downloadUrl: `/assignments/${REF}/files/${sha256(plan)}` }));
  });

  it("another school's head gets 403 for the file, as for the assignment; a hash not uploaded for this assignment is 404 even when the file exists", async () => {
    expect((await download(BANQIAO, sha256(plan), people.haibin)).status).toBe(403);
    expect((await call(api.url, 'GET', `/assignments/${REF}`, { headers: people.haibin })).status).toBe(403);
    // Haibin's head may not upload to Banqiao's work either.
    expect((await upload(BANQIAO, formOf([{ name: 'x.pdf', bytes: pdf('x') }]), people.haibin)).status).toBe(403);

    // Haibin uploads its own file; Banqiao's assignment does not serve it, though its content is stored.
    const own = pdf('海滨小学');
    expect((await upload(HAIBIN, formOf([{ name: '海滨.pdf', bytes: own }]), people.haibin)).status).toBe(201);
    const notHere = await download(BANQIAO, sha256(own), people.planner);
    expect(notHere.status).toBe(404);
    expect(await notHere.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining(sha256(own)) });
    expect((await download(HAIBIN, sha256(own), people.haibin)).status).toBe(200);
    // And the file of Banqiao is not Haibin's to reference.
    const stolen = await call(api.url, 'POST', `/assignments/${PLAN}.${HAIBIN}/submit`, { json: { attachments: [{ sha256: sha256(plan), name: 'x.pdf', size: plan.length, mediaType: 'application/pdf' }] }, headers: people.haibin });
    expect(stolen.status).toBe(400);
    expect(stolen.body.problems).toEqual([{ path: 'body.attachments[0].sha256', message: expect.stringContaining(`was uploaded for assignment ${PLAN}.${HAIBIN}`) }]);
  });

  it('every download is in the access record: who read which document, when, from where; a refused one is not a download; only auditors and admins list them', async () => {
    const listed = await call(api.url, 'GET', `/audit/file-downloads?planId=${PLAN}`, { headers: people.auditor });
    expect(listed.status).toBe(200);
    const ofPlan = listed.body.entries.filter((entry: { sha256: string }) => entry.sha256 === sha256(plan));
    expect(ofPlan.map((entry: { personId: string }) => entry.personId)).toEqual(['zhou.banqiao', 'wang.deputy', 'wang.office', 'sun.audit']);
    expect(ofPlan[0]).toMatchObject({ planId: PLAN, assignmentId: BANQIAO, name: planName, outcome: 'served', clientAddress: expect.any(String), stream: expect.stringMatching(/^access-\d{4}-\d{2}$/) });
    // Haibin's head was refused Banqiao's file (403): no entry; its own file is.
    expect(listed.body.entries.filter((entry: { personId: string }) => entry.personId === 'li.haibin').map((entry: { assignmentId: string }) => entry.assignmentId)).toEqual([HAIBIN]);
    const ofOne = await call(api.url, 'GET', '/audit/file-downloads?person=wang.office', { headers: people.auditor });
    expect(ofOne.body.entries.every((entry: { personId: string }) => entry.personId === 'wang.office')).toBe(true);
    expect((await call(api.url, 'GET', '/audit/file-downloads', { headers: people.planner })).status).toBe(403);
    expect((await call(api.url, 'GET', '/audit/file-downloads', { headers: people.banqiao })).status).toBe(403);
  });

  it('submit or progress referencing a file not uploaded for the assignment is 400 naming body.attachments[i].sha256; a changed size or type names that field', async () => {
    const never = 'f'.repeat(64);
    const progress = await call(api.url, 'POST', `/assignments/${PLAN}.${HAIBIN}/progress`, {
      json: { note: '进展', attachments: [{ ref: 'r' }, { sha256: never, name: 'a.pdf', size: 3, mediaType: 'application/pdf' }] }, headers: people.haibin,
    });
    expect(progress.status).toBe(400);
    expect(progress.body).toMatchObject({ error: 'invalid_request', problems: [{ path: 'body.attachments[1].sha256', message: expect.stringMatching(/^no file with this SHA-256 was uploaded for assignment files-2030\.norm-year-school-plans\.haibin-primary\.once/) }] });
    const own = pdf('海滨小学');
    const wrongSize = await call(api.url, 'POST', `/assignments/${PLAN}.${HAIBIN}/progress`, { json: { note: 'n', attachments: [{ sha256: sha256(own), name: '海滨.pdf', size: 1, mediaType: 'application/pdf' }] }, headers: people.haibin });
    expect(wrongSize.body.problems).toEqual([{ path: 'body.attachments[0].size', message: `the file was uploaded with ${own.length} bytes` }]);
    const malformed = await call(api.url, 'POST', `/assignments/${PLAN}.${HAIBIN}/progress`, { json: { note: 'n', attachments: [{ sha256: 'ABC', name: 'a', size: 1, mediaType: 'x' }] }, headers: people.haibin });
    expect(malformed.body.problems).toEqual([{ path: 'body.attachments[0].sha256', message: 'a SHA-256 in lower-case hex (64 characters)' }]);
    // Nothing was recorded by the refused reports.
    const ok = await call(api.url, 'POST', `/assignments/${PLAN}.${HAIBIN}/progress`, { json: { note: '进展', attachments: [{ sha256: sha256(own), name: '海滨小学进展.pdf', size: own.length, mediaType: 'application/pdf' }] }, headers: people.haibin });
    expect(ok.status).toBe(200);
    expect(ok.body.progressCount).toBe(1);
    // The download is named as the latest event recorded it.
    expect(dispositionName((await download(HAIBIN, sha256(own), people.haibin)).headers.get('content-disposition'))).toBe('海滨小学进展.pdf');
  });

  it('refuses a type it does not keep (415), a forged extension (415), a file over 50 MB (413), naming the file; keeps nothing of a refused request', async () => {
    const before = storedFiles(filesDir).sort();
    const exe = await upload(BANQIAO, formOf([{ name: '好文件.pdf', bytes: pdf('ok') }, { name: '安装程序.exe', bytes: Buffer.from('MZ\x90\x00') }]), people.banqiao);
    expect(exe).toEqual({ status: 415, body: expect.objectContaining({ error: 'unsupported_file_type', file: '安装程序.exe', message: expect.stringContaining('"安装程序.exe" is not a file planledger keeps') }) });
    const forged = await upload(BANQIAO, formOf([{ name: '方案.pdf', bytes: PNG }]), people.banqiao);
    expect(forged).toEqual({ status: 415, body: expect.objectContaining({ error: 'file_content_mismatch', file: '方案.pdf', message: expect.stringContaining('does not hold a PDF document') }) });
    const forgedDocx = await upload(BANQIAO, formOf([{ name: '方案.docx', bytes: pdf('not a zip') }]), people.banqiao);
    expect(forgedDocx.body).toMatchObject({ error: 'file_content_mismatch', file: '方案.docx' });
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
    pdf('big').copy(big);
    const tooBig = await upload(BANQIAO, formOf([{ name: '大文件.pdf', bytes: big }]), people.banqiao);
    expect(tooBig).toEqual({ status: 413, body: expect.objectContaining({ error: 'file_too_large', file: '大文件.pdf', limit: 52_428_800 }) });
    expect(storedFiles(filesDir).sort()).toEqual(before);
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);

    const notMultipart = await call(api.url, 'POST', `/assignments/${REF}/files`, { json: { file: 'x' }, headers: people.banqiao });
    expect(notMultipart).toMatchObject({ status: 400, body: { problems: [{ path: 'headers.content-type', message: expect.stringContaining('multipart/form-data') }] } });
    const wrongPart = await upload(BANQIAO, formOf([{ name: 'a.pdf', bytes: pdf('a') }], 'document'), people.banqiao);
    expect(wrongPart).toMatchObject({ status: 400, body: { problems: [{ path: 'body.document', message: 'files go in parts named "file"' }] } });
    const empty = await upload(BANQIAO, new FormData(), people.banqiao);
    expect(empty.status).toBe(400);
    // Exactly 50 MB is allowed: the limit is inclusive.
    const fifty = big.subarray(0, 50 * 1024 * 1024);
    const allowed = await upload(BANQIAO, formOf([{ name: '五十兆.pdf', bytes: fifty }]), people.banqiao);
    expect(allowed).toMatchObject({ status: 201, body: { files: [{ sha256: sha256(fifty), size: 52_428_800 }] } });
  }, 60_000);

  it('the same content uploaded twice (under another name, for another assignment) is stored once; a name in RFC 5987 filename* survives', async () => {
    const again = await upload(BANQIAO, formOf([{ name: '再次上传.pdf', bytes: plan }]), people.banqiao);
    expect(again.status).toBe(201);
    expect(again.body.files).toEqual([{ sha256: sha256(plan), name: '再次上传.pdf', size: plan.length, mediaType: 'application/pdf' }]);
    expect(storedFiles(filesDir).filter((f) => f === sha256(plan))).toEqual([sha256(plan)]);

    const docxName = '工作总结 2031（附表）.docx';
    const { body, contentType } = rfc5987Multipart(docxName, DOCX);
    const response = await fetch(`${api.url}/assignments/${REF}/files`, { method: 'POST', body, headers: { ...people.banqiao, 'content-type': contentType } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ files: [{ sha256: sha256(DOCX), name: docxName, size: DOCX.length, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }] });
    expect(dispositionName((await download(BANQIAO, sha256(DOCX), people.banqiao)).headers.get('content-disposition'))).toBe(docxName);
  });

  it('audit verify (API and CLI) reports a tampered file as damaged and a deleted one as missing, by stream, revision, sha256 and name', async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ intact: true, damagedFiles: [], brokenLinks: [] });
    expect(intact.filesChecked).toBe(2);
    const cliIntact = await cliVerify();
    if (cliIntact) {
      expect(cliIntact).toMatchObject({ code: 0, stdout: expect.stringContaining('no missing or damaged files') });
      expect(cliIntact.stdout).toMatch(/, 2 files\n/);
    }

    const stream = streamOf({ aggregate: 'assignment', planId: PLAN, assignmentId: BANQIAO });
    const path = contentPathOf(filesDir, sha256(plan));
    const tampered = Buffer.from(plan);
    tampered[tampered.length - 3] ^= 1;
    writeFileSync(path, tampered);
    const damaged = await verify();
    expect(damaged.intact).toBe(false);
    expect(damaged.damagedFiles).toEqual([{ stream, revision: submittedRevision, sha256: sha256(plan), name: planName, problem: 'damaged', found: sha256(tampered) }]);
    const cliDamaged = await cliVerify();
    if (cliDamaged) {
      expect(cliDamaged.code).toBe(1);
      expect(cliDamaged.stdout).toContain(`damaged file: stream ${stream} revision ${submittedRevision} sha256 ${sha256(plan)} "${planName}" (its content now hashes to ${sha256(tampered)})`);
    }
    // A damaged file is not served as if it were the document: the answer breaks off before its end.
    // (A file of one chunk breaks off before even the status line.)
    const broken = await download(BANQIAO, sha256(plan), people.banqiao).then((response) => response.arrayBuffer()).then(() => 'whole', () => 'broken off');
    expect(broken).toBe('broken off');

    rmSync(path);
    const missing = await verify();
    expect(missing.damagedFiles).toEqual([{ stream, revision: submittedRevision, sha256: sha256(plan), name: planName, problem: 'missing' }]);
    expect((await download(BANQIAO, sha256(plan), people.banqiao))).toMatchObject({ status: 500 });
    // The refused attempt on a missing file is in the access record as such.
    const attempts = (await call(api.url, 'GET', `/audit/file-downloads?planId=${PLAN}&person=zhou.banqiao`, { headers: people.auditor })).body.entries;
    expect(attempts.at(-1)).toMatchObject({ sha256: sha256(plan), outcome: 'damaged' });
    const cliMissing = await cliVerify();
    if (cliMissing) {
      expect(cliMissing.code).toBe(1);
      expect(cliMissing.stdout).toContain(`missing file: stream ${stream} revision ${submittedRevision} sha256 ${sha256(plan)} "${planName}"`);
    }

    // Uploading the original again restores it: verification is whole again.
    expect((await upload(BANQIAO, formOf([{ name: planName, bytes: plan }]), people.banqiao)).status).toBe(201);
    expect(await verify()).toMatchObject({ intact: true, damagedFiles: [] });
  }, 120_000);

  it('a sweep removes uploads no event references after N days (a dry run unless asked), keeps every referenced file and any content another upload holds', async () => {
    // Haibin's progress report references this content; Banqiao uploads the same bytes and never hands them in.
    const shared = pdf('海滨小学');
    expect((await upload(BANQIAO, formOf([{ name: '借用.pdf', bytes: shared }]), people.banqiao)).status).toBe(201);
    const partial = join(filesDir, 'tmp', 'interrupted.part');
    writeFileSync(partial, 'half an upload');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(partial, twoDaysAgo, twoDaysAgo);
    const admin = await api.authAs({ subject: 'root.admin', roles: ['admin'] });
    const sweep = (body: Record<string, unknown>, headers = admin) => call(api.url, 'POST', '/admin/files/sweep', { json: body, headers });

    expect((await sweep({}, people.planner)).status).toBe(403);
    expect((await sweep({ olderThanDays: 0 })).body).toMatchObject({ error: 'invalid_request', problems: [{ path: 'body.olderThanDays' }] });
    // Nothing is 30 days old yet.
    expect((await sweep({ olderThanDays: 30 })).body).toMatchObject({ dryRun: true, uploads: [], contents: [], bytesFreed: 0 });

    const uploadedAt = await api.clock.now();
    api.clock.set(new Date(uploadedAt.getTime() + 31 * 86_400_000));
    try {
      const fifty = big50();
      const unreferenced = [PNG, fifty, DOCX, shared].map((bytes) => sha256(bytes)).sort();
      const freed = [PNG, fifty, DOCX].map((bytes) => sha256(bytes)).sort();
      const dry = await sweep({ olderThanDays: 30 });
      expect(dry.status).toBe(200);
      expect(dry.body.dryRun).toBe(true);
      expect(dry.body.uploads.map((u: { assignmentId: string; sha256: string }) => [u.assignmentId, u.sha256])).toEqual(expect.arrayContaining(unreferenced.map((hash) => [BANQIAO, hash])));
      expect(dry.body.uploads).toHaveLength(4);
      expect([...dry.body.contents].sort()).toEqual(freed);
      expect(dry.body.bytesFreed).toBe(PNG.length + fifty.length + DOCX.length);
      expect(dry.body.partialUploads).toBe(1);
      // A dry run removes nothing.
      for (const hash of freed) expect(existsSync(contentPathOf(filesDir, hash))).toBe(true);
      expect(existsSync(partial)).toBe(true);

      const done = await sweep({ olderThanDays: 30, dryRun: false });
      expect(done.body).toMatchObject({ dryRun: false, bytesFreed: dry.body.bytesFreed, partialUploads: 1 });
      for (const hash of freed) expect(existsSync(contentPathOf(filesDir, hash))).toBe(false);
      expect(existsSync(partial)).toBe(false);
      expect(existsSync(contentPathOf(filesDir, sha256(plan)))).toBe(true);
      expect((await download(BANQIAO, sha256(PNG), people.banqiao)).status).toBe(404);
      expect((await download(BANQIAO, sha256(shared), people.banqiao)).status).toBe(404);
      expect((await download(BANQIAO, sha256(plan), people.banqiao)).status).toBe(200);
      expect((await download(HAIBIN, sha256(shared), people.haibin)).status).toBe(200);
      expect(await verify()).toMatchObject({ intact: true, damagedFiles: [] });
      expect((await sweep({ olderThanDays: 30, dryRun: false })).body).toMatchObject({ uploads: [], contents: [], partialUploads: 0 });
    } finally {
      api.clock.set(uploadedAt);
    }
  }, 60_000);
}
