import { call, startApiTestApp, type ApiTestApp } from './testing/api-test-app';

const advanced: Date[] = [];
let api: ApiTestApp;
let planner: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  api = await startApiTestApp({
    now: new Date('2031-01-10T02:00:00Z'),
    advancer: {
      clock: { now: async () => api.clock.now() },
      advanceTo: async (target) => {
        advanced.push(target);
        api.clock.set(target);
        return { steps: 2, fired: 5 };
      },
    },
  });
  planner = await api.authAs({ roles: ['planner'] });
  admin = await api.authAs({ roles: ['admin'] });
});
afterAll(async () => {
  await api?.close();
});

describe('health', () => {
  it('503 naming Redis when it does not answer', async () => {
    api.redis.url = 'redis://127.0.0.1:1';
    const response = await call(api.url, 'GET', '/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'down', store: { status: 'up', kind: 'pglite' }, redis: { status: 'down' } });
  });

  it('200 when store and Redis answer (the Redis `npm test` provides)', async () => {
    api.redis.url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const response = await call(api.url, 'GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', store: { status: 'up' }, redis: { status: 'up' } });
  });
});

describe('metrics', () => {
  it('prints the Prometheus registry, commands counted by type and outcome', async () => {
    await call(api.url, 'POST', '/plans/no-such-plan/publish', { headers: planner });
    const response = await call(api.url, 'GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect(response.text).toContain('planledger_commands_total{type="PublishPlan",outcome="rejected"} 1');
    expect(response.text).toContain('planledger_timers_fired_total');
  });
});

describe('admin clock', () => {
  it('reads business time', async () => {
    const response = await call(api.url, 'GET', '/admin/clock', { headers: admin });
    expect(response.body).toEqual({ now: '2031-01-10T10:00:00.000+08:00', virtual: false });
  });

  it('404 without a virtual clock, even for a bad body', async () => {
    api.config.VIRTUAL_CLOCK = false;
    expect((await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { advance: 'P30D' } })).status).toBe(404);
    expect((await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { nonsense: 1 } })).status).toBe(404);
  });

  it('advances by a duration or by days, sets forward, never back', async () => {
    api.config.VIRTUAL_CLOCK = true;
    const byDuration = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { advance: 'P30D' } });
    expect(byDuration.body).toEqual({ now: '2031-02-09T10:00:00.000+08:00', steps: 2, fired: 5 });
    const byDays = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { advance: 1.5 } });
    expect(byDays.body.now).toBe('2031-02-10T22:00:00.000+08:00');
    const set = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { set: '2031-03-01T00:00:00+08:00' } });
    expect(set.body.now).toBe('2031-03-01T00:00:00.000+08:00');
    const back = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { set: '2030-01-01T00:00:00Z' } });
    expect(back.status).toBe(400);
    expect(back.body.problems[0].path).toBe('body.set');
    const bad = await call(api.url, 'POST', '/admin/clock', { headers: admin, json: { advance: 'P1M' } });
    expect(bad.status).toBe(400);
    expect(advanced).toHaveLength(3);
  });
});

describe('HTTP edges', () => {
  it('413 beyond 5 MB, for YAML bodies too', async () => {
    const huge = `# ${'x'.repeat(5 * 1024 * 1024 + 10)}\n`;
    const response = await call(api.url, 'POST', '/plans', { headers: planner, text: huge, contentType: 'text/yaml' });
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('payload_too_large');
  });

  it('unknown routes answer 404 in JSON; a correlation id is echoed or made', async () => {
    const response = await call(api.url, 'GET', '/nowhere', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('not_found');
    expect(response.headers.get('x-correlation-id')).toBe('abc-123');
    expect((await call(api.url, 'GET', '/admin/clock', { headers: admin })).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unexpected failure answers 500 with the correlation id and no stack', async () => {
    const original = api.storage.store.readStream;
    api.storage.store.readStream = () => {
      throw new Error('disk on fire');
    };
    try {
      const response = await call(api.url, 'GET', '/plans/some-plan/history', { headers: { ...planner, 'x-correlation-id': 'boom-1' } });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'internal', correlationId: 'boom-1' });
      expect(response.text).not.toContain('disk on fire');
    } finally {
      api.storage.store.readStream = original;
    }
  });
});
