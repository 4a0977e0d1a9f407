import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { timersForSchedule, type PlanState } from '@planledger/domain';
import { fireTimer } from '@planledger/engine';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { call, startApiTestApp, type ApiTestApp } from '../../apps/api/src/testing/api-test-app';

/**
 * Issue 9.5: requests that answered 500 or did lasting harm each get a clear 4xx, and a retried
 * request with its Idempotency-Key gets the first answer. On the in-process api over PGlite.
 */
const LIANYUN = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const PLAN = 'lianyun-2030';
const WORK = 'norm-year-school-plans.banqiao-junior.once';
const OTHER_WORK = 'norm-year-school-plans.haibin-primary.once';
const ALL_DEPARTMENTS = [...LIANYUN.matchAll(/^\s+- \{ id: ([\w-]+)/gm)].map((m) => m[1]);

let api: ApiTestApp;
let planner: Record<string, string>;
let heads: Record<string, string>;

async function fireIssue(assignmentId: string): Promise<void> {
  const { schedule } = (await api.executor.load({ aggregate: 'plan', planId: PLAN })).state as PlanState;
  const timer = timersForSchedule(schedule!).find((t) => t.kind === 'assignment-issue' && t.target.aggregate === 'assignment' && t.target.assignmentId === assignmentId);
  expect((await fireTimer(api.executor, timer!)).ok).toBe(true);
}

beforeAll(async () => {
  api = await startApiTestApp();
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  heads = await api.authAs({ subject: 'heads', roles: ['department_head'], departments: ALL_DEPARTMENTS });
  const imported = await call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${PLAN}`, { headers: planner, text: LIANYUN, contentType: 'application/yaml' });
  expect(imported.status).toBe(201);
  expect((await call(api.url, 'POST', `/plans/${PLAN}/publish?confirmPastDue=true`, { headers: planner })).status).toBe(200);
  await fireIssue(WORK);
  await fireIssue(OTHER_WORK);
  await api.project();
});
afterAll(async () => {
  await api?.close();
});

describe('ids with invalid characters', () => {
  it('a NUL byte in an assignment id is a 400 naming params.id, before anything is looked up', async () => {
    const response = await call(api.url, 'POST', `/assignments/${WORK}%00x/acknowledge?planId=${PLAN}`, { headers: heads });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ path: 'params.id' })]);
  });

  it('a NUL byte in a planId query is a 400 naming query.planId', async () => {
    const response = await call(api.url, 'POST', `/assignments/${WORK}/acknowledge?planId=${PLAN}%00`, { headers: heads });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ path: 'query.planId' })]);
  });

  it('a NUL byte in a plan id is a 400', async () => {
    const response = await call(api.url, 'GET', `/plans/${PLAN}%00`, { headers: planner });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ path: 'params.id' })]);
  });
});

describe('the same Idempotency-Key sent twice', () => {
  it('replays the first answer of an assignment action, appending nothing', async () => {
    const send = () => call(api.url, 'POST', `/assignments/${WORK}/acknowledge?planId=${PLAN}`, { headers: { ...heads, 'idempotency-key': 'ack-1' } });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body.events.map((e: { type: string }) => e.type)).toEqual(['AssignmentAcknowledged']);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const events: string[] = [];
    for await (const event of api.storage.store.readStream(`assignment-${PLAN}.${WORK}`)) events.push(event.type);
    expect(events.filter((type) => type === 'AssignmentAcknowledged')).toHaveLength(1);
  });

  it('replays the first answer even after the assignment moved on', async () => {
    const send = () => call(api.url, 'POST', `/assignments/${WORK}/start?planId=${PLAN}`, { headers: { ...heads, 'idempotency-key': 'start-1' } });
    const first = await send();
    expect(first.status).toBe(200);
    expect((await call(api.url, 'POST', `/assignments/${WORK}/submit?planId=${PLAN}`, { headers: heads, json: { note: 'done' } })).status).toBe(200);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('replays the first answer of a plan import', async () => {
    const send = () => call(api.url, 'POST', '/plans?rebase=2031-09-01&planId=keyed-import', { headers: { ...planner, 'idempotency-key': 'import-1' }, text: LIANYUN, contentType: 'application/yaml' });
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.body.revised).toBe(false);
  });
});

describe('bodies', () => {
  it('Content-Encoding: gzip that is not gzip is a 400 naming the body', async () => {
    const response = await call(api.url, 'POST', `/plans/${PLAN}/close`, { headers: { ...planner, 'content-encoding': 'gzip' }, text: '{"reason":"x"}', contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ path: 'body', message: expect.stringMatching(/gzip/) })]);
  });

  it('real gzip still works', async () => {
    const response = await fetch(`${api.url}/plans?rebase=2032-09-01&planId=gzipped`, {
      method: 'POST', headers: { ...planner, 'content-type': 'application/yaml', 'content-encoding': 'gzip' }, body: gzipSync(LIANYUN),
    });
    expect(response.status).toBe(201);
  });
});

describe('instants out of range', () => {
  it('?rebase=9999-12-31 is a 400 naming query.rebase, and nothing is recorded', async () => {
    const response = await call(api.url, 'POST', '/plans?rebase=9999-12-31&planId=far-future', { headers: planner, text: LIANYUN, contentType: 'application/yaml' });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ path: 'query.rebase', message: expect.stringContaining('2200-12-31') })]);
    for await (const event of api.storage.store.readStream('plan-far-future')) throw new Error(`recorded ${event.type}`);
  });

  it('a rebase inside the range whose plan ends beyond it is a 400 naming the instant', async () => {
    const response = await call(api.url, 'POST', '/plans?rebase=2200-06-01&planId=near-the-end', { headers: planner, text: LIANYUN, contentType: 'application/yaml' });
    expect(response.status).toBe(400);
    expect(response.body.problems[0]).toEqual({ path: 'query.rebase', message: expect.stringMatching(/^schedule\.\w+.*is not between 1970-01-01 and 2200-12-31.*once rebased to 2200-06-01$/) });
  });

  it('POST /admin/clock {"advance":"P99999999D"} and {"set":"9999-…"} are 400s naming the field', async () => {
    api.config.VIRTUAL_CLOCK = true;
    try {
      const admin = await api.authAs({ roles: ['admin'] });
      const advance = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { advance: 'P99999999D' } });
      expect(advance.status).toBe(400);
      expect(advance.body.problems).toEqual([expect.objectContaining({ path: 'body.advance', message: expect.stringContaining('2200-12-31') })]);
      const set = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { set: '9999-12-31T00:00:00Z' } });
      expect(set.status).toBe(400);
      expect(set.body.problems).toEqual([expect.objectContaining({ path: 'body.set' })]);
    } finally {
      api.config.VIRTUAL_CLOCK = false;
    }
  });
});

describe('reassignment', () => {
  it('to a department the plan does not know is a 400 naming it and the closest id; nothing is recorded', async () => {
    const response = await call(api.url, 'POST', `/assignments/${OTHER_WORK}/reassign?planId=${PLAN}`, {
      headers: heads, json: { toDepartmentId: 'haibin-primry', reason: 'moved' },
    });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([
      { path: 'body.toDepartmentId', message: expect.stringMatching(/"haibin-primry" is not one of plan lianyun-2030's \d+ departments; did you mean "haibin-primary"\?/) },
    ]);
    const events: string[] = [];
    for await (const event of api.storage.store.readStream(`assignment-${PLAN}.${OTHER_WORK}`)) events.push(event.type);
    expect(events).not.toContain('AssignmentReassigned');
  });
});

describe('headers', () => {
  it('sends no X-Powered-By', async () => {
    const response = await call(api.url, 'GET', '/health');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('failed authentications from one address', () => {
  let limited: ApiTestApp;
  beforeAll(async () => {
    limited = await startApiTestApp({ rateLimitPerMinute: 100 });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('are refused with 429 once they pass the limit, however many tokens they rotate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const forged = `eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4${i}In0.${'A'.repeat(86)}`;
      statuses.push((await call(limited.url, 'GET', '/plans', { headers: { authorization: `Bearer ${forged}` } })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const refused = await call(limited.url, 'GET', '/plans', { headers: { authorization: 'Bearer another.forged.token' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.message).toContain('failed authentications');
  });
});
