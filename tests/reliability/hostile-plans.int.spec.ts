import { PlanPreparationPool, call, startApiTestApp, type ApiTestApp } from '@planledger/api/testing';
import { hostilePlans } from '@planledger/plan-definition/testing';

/**
 * Issue 9.3: plan bodies built to exhaust the service are refused with a short 400 that says
 * what is too large and where, and while one is being checked the service goes on answering.
 */
let api: ApiTestApp;
let planner: Record<string, string>;

beforeAll(async () => {
  api = await startApiTestApp({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  planner = await api.authAs({ subject: 'planner', roles: ['planner'] });
});
afterAll(async () => {
  await api?.close();
});

const upload = (text: string, contentType: string, fileName: string) =>
  call(api.url, 'POST', `/plans?fileName=${fileName}`, { headers: planner, text, contentType });

describe('hostile plan bodies', () => {
  it('given a YAML mapping of 40,000 keys (389 KB), then 400 names the mapping and the limit', async () => {
    const response = await upload(hostilePlans.wideMap(40_000), 'application/yaml', 'plan.yaml');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_plan', unlisted: 0 });
    expect(response.body.problems).toEqual([expect.objectContaining({ line: 2, text: expect.stringMatching(/^plan\.yaml:2:3 .* a mapping with 40000 keys: at most 200 are allowed/) })]);
  });

  it('given a 2 MB JSON list, then 400 names the list and the limit', async () => {
    const text = hostilePlans.longJsonList(80_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    const response = await upload(text, 'application/json', 'plan.json');
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/a list with more than 20,000 entries/) })]);
  });

  it('given a YAML alias bomb, then 400 without expanding it', async () => {
    const response = await upload(hostilePlans.aliasBomb(), 'application/yaml', 'plan.yaml');
    expect(response.status).toBe(400);
    expect(response.body.problems[0].message).toMatch(/aliases expand to too much data/);
  });

  it('given nesting 100,000 levels deep, then 400 names the depth limit', async () => {
    const response = await upload(hostilePlans.deepNesting(100_000), 'application/yaml', 'plan.yaml');
    expect(response.status).toBe(400);
    expect(response.body.problems[0].message).toMatch(/nested deeper than 32 levels/);
  });

  it('given a plan with tens of thousands of problems, then the answer lists the first 100 and counts the rest', async () => {
    const response = await upload(hostilePlans.manyBadMeasures(10_000), 'application/yaml', 'plan.yaml');
    expect(response.status).toBe(400);
    expect(response.body.problems).toHaveLength(100);
    expect(response.body.unlisted).toBeGreaterThan(30_000);
    expect(response.text.length).toBeLessThan(64 * 1024);
  });

  it('given a 4 MB plan being checked, then /health answers while it is still in flight', async () => {
    const pool = api.app.get(PlanPreparationPool);
    const order: string[] = [];
    const hostile = upload(hostilePlans.manyBadMeasures(40_000), 'application/yaml', 'plan.yaml').then((r) => (order.push('upload'), r));
    while (pool.inFlight === 0) await new Promise((resolve) => setImmediate(resolve));
    const health = await call(api.url, 'GET', '/health');
    order.push('health');
    const inFlightWhenHealthAnswered = pool.inFlight;
    expect(health.status).toBe(200);
    expect((await hostile).status).toBe(400);
    expect(order).toEqual(['health', 'upload']);
    expect(inFlightWhenHealthAnswered).toBe(1);
  });
});
