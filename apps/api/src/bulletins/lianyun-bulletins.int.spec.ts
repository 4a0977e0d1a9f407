import JSZip from 'jszip';
import { runLianyunThroughEngine } from '@planledger/audit/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const PLAN = 'lianyun-bulletins';

/**
 * The Lianyun plan (workflows/lianyun-quality-2021-2024.yaml) rebased to 2030-09-01, its first
 * timers fired through the engine: the norm year's bulletin, as the demo produces it with
 * POST /plans/{id}/bulletins {period: {kind: phase, phaseId: norm-year}, asOfBasis: business}.
 */
describe('the Lianyun plan\'s theme-year bulletin', () => {
  let api: ApiTestApp;
  let planner: Record<string, string>;
  beforeAll(async () => {
    api = await startApiTestApp({ now: new Date('2031-07-01T02:00:00Z') });
    planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
    await runLianyunThroughEngine(api.executor, PLAN, { rebase: '2030-09-01', timers: 400, acknowledged: 3 });
  }, 300_000);
  afterAll(async () => {
    await api?.close();
  });

  it('issues the norm year\'s bulletin under the bureau\'s name, numbered after the plan\'s own number, with every department of the phase', async () => {
    const preview = await call(api.url, 'GET', `/plans/${PLAN}/bulletins/preview?asOf=2031-06-30&asOfBasis=business&phase=norm-year`, { headers: planner });
    expect(preview.status).toBe(200);
    const overview = preview.body.sections[0].figures;
    expect(overview.issued).toBeGreaterThan(0);
    const response = await call(api.url, 'POST', `/plans/${PLAN}/bulletins`, { json: { asOf: '2031-06-30', asOfBasis: 'business', period: { kind: 'phase', phaseId: 'norm-year' } }, headers: planner });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ number: '連區教督〔2031〕1号', title: '关于教育教學規范年工作推进情况的通报', figures: { issued: overview.issued, overdueNow: overview.overdueNow } });
    const docx = await fetch(`${api.url}${response.body.documents[0].url}`, { headers: planner });
    const xml = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('連云區教育局');
    for (const row of preview.body.sections[1].rows) expect(xml).toContain(`>${row.name}</w:t>`);
  });
});
