/**
 * GET /plans/{id} lists the plan's outside events (ADR 0020): waiting until a planner records a
 * date, then recorded with each occurrence and what it issued; `?asOf=` answers what was known
 * then. Real PGlite; the work hanging on the visit is issued by the PlanReactor as in the worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanReactor } from '@planledger/engine';
import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { planPageAnswer } from './plan-list-schemas';

const PLAN = 'example-outside-events';
const example = readFileSync(join(__dirname, '../../../../workflows/examples/outside-events.yaml'), 'utf8');
let api: ApiTestApp;
let planner: Record<string, string>;
const get = (path: string) => call(api.url, 'GET', path, { headers: planner });
const post = (path: string, json?: unknown) => call(api.url, 'POST', path, { headers: planner, ...(json !== undefined && { json }) });

beforeAll(async () => {
  api = await startApiTestApp({ now: new Date('2023-08-25T02:00:00Z') });
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'], name: '王主任' });
  expect((await call(api.url, 'POST', '/plans', { headers: planner, text: example })).status).toBe(201);
  expect((await post(`/plans/${PLAN}/publish`)).status).toBe(200);
  await api.project();
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('GET /plans/{id}: outside events', () => {
  it('given a published plan naming three events, when none is recorded, then each is waiting with its expected window', async () => {
    const page = await get(`/plans/${PLAN}?limit=1`);
    expect(page.status).toBe(200);
    expect(planPageAnswer.parse(page.body).outsideEvents).toEqual([
      { eventId: 'visit', name: '省督导评估组迎检', recurring: false, inspection: false, expected: { from: '2024-04-01', to: '2024-06-30' }, status: 'waiting', expectedPassed: false, occurrences: [] },
      { eventId: 'exam', name: '全区统一质量检测', recurring: true, inspection: false, expected: null, status: 'waiting', expectedPassed: false, occurrences: [] },
      { eventId: 'spot', name: '教学常规暗访', recurring: true, inspection: true, expected: null, status: 'waiting', expectedPassed: false, occurrences: [] },
    ]);
  });

  it('when the visit is recorded and its work issued, then it is recorded with who, when and the six assignments (three measures, two schools); asOf before the recording still shows it waiting', async () => {
    api.clock.set(new Date('2024-04-20T02:00:00Z'));
    const recorded = await post(`/plans/${PLAN}/events`, { eventId: 'visit', date: '2024-05-20' });
    expect(recorded.status).toBe(200);
    const spot = await post(`/plans/${PLAN}/events`, { eventId: 'spot', date: '2024-04-18', units: ['school-b'], note: '随机抽查' });
    expect(spot.status).toBe(200);
    const reactor = new PlanReactor(api.executor);
    for await (const event of api.storage.store.readStream(`plan-${PLAN}`)) if (event.type === 'OutsideEventRecorded') await reactor.handle(event);
    await api.project();

    const now = planPageAnswer.parse((await get(`/plans/${PLAN}?limit=1`)).body).outsideEvents;
    expect(now[0]).toMatchObject({
      eventId: 'visit', status: 'recorded', expectedPassed: false,
      occurrences: [{ occurrence: 1, date: '2024-05-20', recordedAt: '2024-04-20T10:00:00.000+08:00', recordedBy: { userId: 'wang.office', role: 'planner' }, units: [], note: '', assignmentsIssued: 6 }],
    });
    expect(now[2]).toMatchObject({ eventId: 'spot', status: 'recorded', occurrences: [{ date: '2024-04-18', units: ['school-b'], note: '随机抽查', assignmentsIssued: 0 }] });

    const before = planPageAnswer.parse((await get(`/plans/${PLAN}?limit=1&asOf=2024-04-19&asOfBasis=business`)).body);
    expect(before.outsideEvents.map((e) => [e.eventId, e.status, e.occurrences.length])).toEqual([['visit', 'waiting', 0], ['exam', 'waiting', 0], ['spot', 'waiting', 0]]);
    const after = planPageAnswer.parse((await get(`/plans/${PLAN}?limit=1&asOf=2024-04-21&asOfBasis=business`)).body);
    expect(after.outsideEvents.map((e) => e.occurrences.map((o) => o.assignmentsIssued))).toEqual([[6], [], [0]]);
  });

  it('given the exam still waiting, when business time passes a window, then only an event with an expected window can be overdue-expected', async () => {
    api.clock.set(new Date('2024-07-02T02:00:00Z'));
    const events = planPageAnswer.parse((await get(`/plans/${PLAN}?limit=1`)).body).outsideEvents;
    expect(events.map((e) => [e.eventId, e.expectedPassed])).toEqual([['visit', false], ['exam', false], ['spot', false]]);
  });
});
