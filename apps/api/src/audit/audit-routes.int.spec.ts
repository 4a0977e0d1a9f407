import { AUDIT_RECORD_VIEWED, auditStreamOf } from '@planledger/audit';
import { runLianyunThroughEngine, tamperWithStoredEvent } from '@planledger/audit/testing';
import type { StoredEvent } from '@planledger/event-store';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

const PLAN = 'lianyun-2030';
let api: ApiTestApp;
let auditor: Record<string, string>;
let issued: string[];
const get = (path: string) => call(api.url, 'GET', path, { headers: auditor });

async function auditTrail(): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of api.storage.store.readStream(auditStreamOf(new Date()))) events.push(event);
  return events;
}

beforeAll(async () => {
  api = await startApiTestApp();
  auditor = await api.authAs({ subject: 'zhao.auditor', roles: ['auditor'] });
  issued = await runLianyunThroughEngine(api.executor, PLAN, { rebase: '2030-09-01', timers: 40, acknowledged: 3 });
  await api.project();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

describe('GET /audit/streams/{stream}', () => {
  it('shows every event as stored, with actor, both times, schema version and the hash links', async () => {
    const response = await get(`/audit/streams/plan-${PLAN}`);
    expect(response.status).toBe(200);
    const [drafted, published] = response.body.events;
    expect(drafted).toMatchObject({ stream: `plan-${PLAN}`, revision: 0, type: 'PlanDrafted', schemaVersion: 1, actor: { userId: 'wang.office', role: 'planner' } });
    expect(drafted.businessTime).toBe('2030-09-01T00:00:00.000+08:00'); // as the command gave it
    expect(Date.parse(drafted.recordedAt)).toBeLessThanOrEqual(Date.now());
    expect(published.prevHash).toBe(drafted.hash);
    expect(drafted.data.schedule.planId).toBe(PLAN);
  });

  it('answers 404 for a stream without events, and records what the auditor viewed', async () => {
    expect((await get('/audit/streams/plan-nothing-here')).status).toBe(404);
    const views = (await auditTrail()).filter((e) => e.type === AUDIT_RECORD_VIEWED);
    expect(views.at(-1)).toMatchObject({ schemaVersion: 1, data: { stream: `plan-${PLAN}` }, metadata: { actor: { userId: 'zhao.auditor', role: 'auditor' } } });
  });
});

describe('GET /plans/{id}?asOf=', () => {
  it('today equals the read models; before anything was recorded, 404; a bad date, 400', async () => {
    const now = await get(`/plans/${PLAN}`);
    const replayed = await get(`/plans/${PLAN}?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(replayed.status).toBe(200);
    const { asOf, ...overview } = replayed.body;
    expect(overview).toEqual(now.body);
    expect(asOf).toMatchObject({ basis: 'recorded', eventsAfter: 0 });
    expect((await get(`/plans/${PLAN}?asOf=2020-01-01`)).status).toBe(404);
    expect((await get(`/plans/${PLAN}?asOf=2030-02-30`)).status).toBe(400);
    expect((await get(`/plans/${PLAN}?asOf=yesterday`)).status).toBe(400);
  });

  it('on business time, a date is the end of that day in the plan\'s zone', async () => {
    // The plan was drafted at 2030-09-01T00:00+08:00 business time: the day before, it did not exist.
    expect((await get(`/plans/${PLAN}?asOf=2030-08-31&asOfBasis=business`)).status).toBe(404);
    const response = await get(`/plans/${PLAN}?asOf=2030-09-01&asOfBasis=business`);
    expect(response.status).toBe(200);
    expect(response.body.asOf).toMatchObject({ instant: '2030-09-01T23:59:59.999+08:00', basis: 'business', requested: '2030-09-01' });
    expect(response.body.asOf.eventsAfter).toBeGreaterThan(0);
    expect(response.body.plan.status).toBe('published');
    for (const a of response.body.assignments) expect(Date.parse(a.issuedAt)).toBeLessThanOrEqual(Date.parse('2030-09-01T15:59:59.999Z'));
    expect(response.body.assignments.every((a: { status: string }) => a.status === 'issued')).toBe(true); // acknowledged only on 10 October
    const views = (await auditTrail()).filter((e) => e.type === AUDIT_RECORD_VIEWED).map((e) => e.data);
    expect(views).toContainEqual(expect.objectContaining({ planId: PLAN, asOf: '2030-09-01T15:59:59.999Z', asOfBasis: 'business' }));
  });
});

describe('GET /departments/{id}/history', () => {
  it("lists every event of the department's assignments, newest last, with actor and business time", async () => {
    const overview = (await get(`/plans/${PLAN}`)).body;
    const departmentId = overview.assignments.find((a: { assignmentId: string }) => a.assignmentId === issued[0]).departmentId;
    const response = await get(`/departments/${departmentId}/history`);
    expect(response.status).toBe(200);
    const events = response.body.events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { heldBy: string }) => e.heldBy === departmentId)).toBe(true);
    expect(events[0]).toMatchObject({ planId: PLAN, type: 'AssignmentIssued', actor: expect.objectContaining({ role: 'system' }) });
    const times = events.map((e: { businessTime: string }) => Date.parse(e.businessTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const streams = new Set(events.map((e: { stream: string }) => e.stream));
    for (const stream of streams) {
      const whole = await get(`/audit/streams/${stream as string}`);
      expect(events.filter((e: { stream: string }) => e.stream === stream).map((e: { hash: string }) => e.hash)).toEqual(whole.body.events.map((e: { hash: string }) => e.hash));
    }
  });
});

describe('POST /audit/verify', () => {
  it('returns the digest and no broken links, then the stream and revision of a changed byte', async () => {
    const intact = await call(api.url, 'POST', '/audit/verify', { headers: auditor });
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({ intact: true, brokenLinks: [], headsDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const stream = `assignment-${PLAN}.${issued[0]}`;
    await tamperWithStoredEvent(api.storage.database, stream, 0, '"title":"', '"title":"X');
    const broken = await call(api.url, 'POST', '/audit/verify', { headers: auditor });
    expect(broken.status).toBe(200);
    expect(broken.body.intact).toBe(false);
    expect(broken.body.brokenLinks).toEqual([expect.objectContaining({ stream, revision: 0 })]);
    const views = (await auditTrail()).filter((e) => e.type === AUDIT_RECORD_VIEWED).map((e) => e.data);
    expect(views).toContainEqual(expect.objectContaining({ route: 'POST /audit/verify', brokenLinks: 1 }));
  });
});
