import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { knownHistory } from '@planledger/bulletins/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { startApiTestApp, type ApiTestApp } from '@planledger/api/testing';
import { bulletin, windowOf } from './bulletin.command';
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

  it('--period week|month is the week (Monday to Sunday) or month holding --as-of; --from/--to as given', async () => {
    expect(windowOf({ period: 'week', asOf: '2022-03-05' })).toEqual({ from: '2022-02-28', to: '2022-03-06' });
    expect(windowOf({ period: 'week', asOf: '2022-03-07' })).toEqual({ from: '2022-03-07', to: '2022-03-13' });
    expect(windowOf({ period: 'month', asOf: '2024-02-10' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(windowOf({ from: '2022-03-01', to: '2022-03-09' })).toEqual({ from: '2022-03-01', to: '2022-03-09' });
    expect(() => windowOf({ period: 'year', asOf: '2022-03-05' })).toThrow(ServiceCallError);
    expect(() => windowOf({ period: 'week' })).toThrow(/needs --as-of/);
    const answer = (await bulletin({ url: api.url, token, plan: PLAN_ID, asOf: '2022-03-15', asOfBasis: 'business', period: 'week' })) as { period: unknown; overview: { issued: number } };
    expect(answer.period).toEqual({ kind: 'window', from: '2022-03-14', to: '2022-03-20', name: '2022年3月14日至20日' });
    expect(answer.overview.issued).toBe(0);
  });
});
