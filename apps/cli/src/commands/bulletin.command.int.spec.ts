import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { knownHistory } from '@planledger/bulletins/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { startApiTestApp, type ApiTestApp } from '@planledger/api/testing';
import { bulletin } from './bulletin.command';
import { ServiceCallError } from './service-client';

/** `planledger bulletin` against a running api: a preview rendered locally, then an issue whose files are the issued ones. */
describe('planledger bulletin', () => {
  let api: ApiTestApp;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'planledger-bulletin-cli-'));
  beforeAll(async () => {
    api = await startApiTestApp({ now: new Date('2022-03-16T02:00:00Z') });
    token = (await api.authAs({ subject: 'wang.office', roles: ['planner'] })).authorization.slice(7);
    for (const { target, command } of knownHistory().steps) {
      const result = await api.executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  const documentXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');

  it('given no --issue, then the preview is written as a draft .docx and nothing is issued', async () => {
    const out = join(dir, 'preview.docx');
    const answer = (await bulletin({ url: api.url, token, plan: PLAN_ID, asOf: '2022-03-15', asOfBasis: 'business', out })) as { preview: boolean; overview: { accepted: number } };
    expect(answer).toMatchObject({ preview: true, overview: { accepted: 4, acceptedOnTime: 3, onTimeRate: 0.6 } });
    expect(await documentXml(out)).toContain('征求意见稿');
    const stored = [];
    for await (const event of api.storage.store.readStream(`bulletin-${PLAN_ID}`)) stored.push(event);
    expect(stored).toHaveLength(0);
  });

  it('given --issue, then the service issues it and the files written are the issued ones, byte for byte', async () => {
    const out = join(dir, 'issued.docx');
    const xlsx = join(dir, 'issued.xlsx');
    const issued = (await bulletin({ url: api.url, token, plan: PLAN_ID, asOf: '2022-03-15', asOfBasis: 'business', issue: true, out, xlsx })) as { number: string; documents: { format: string; sha256: string }[] };
    expect(issued.number).toBe('連區教督〔2022〕1号');
    const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(hash(out)).toBe(issued.documents.find((d) => d.format === 'docx')!.sha256);
    expect(hash(xlsx)).toBe(issued.documents.find((d) => d.format === 'xlsx')!.sha256);
    expect(await documentXml(out)).toContain('連區教督〔2022〕1号');
    await expect(bulletin({ url: api.url, token, plan: PLAN_ID, asOf: '2022-03-15', asOfBasis: 'business', issue: true, number: '連區教督〔2022〕1号' })).rejects.toThrow(/HTTP 409/);
    await expect(bulletin({ url: api.url, token, plan: PLAN_ID, asOfBasis: 'business', issue: true })).rejects.toThrow(ServiceCallError);
  });
});
