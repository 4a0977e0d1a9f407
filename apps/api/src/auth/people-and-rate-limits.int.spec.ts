import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

describe('admins manage people; revoked tokens stop at once', () => {
  let api: ApiTestApp;
  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('registers a person (token issued), lists them, revokes them: their token gets 401 on the next request', async () => {
    const admin = await api.authAs({ subject: 'admin', roles: ['admin'] });
    const registered = await call(api.url, 'POST', '/admin/people', { headers: admin, json: { id: 'zhang.san', name: '张三', roles: ['planner'], expires: '30d' } });
    expect(registered.status).toBe(201);
    expect(registered.body.person).toMatchObject({ personId: 'zhang.san', name: '张三', roles: ['planner'], departments: [] });
    const zhang = { authorization: `Bearer ${registered.body.token}` };
    expect((await call(api.url, 'GET', '/plans', { headers: zhang })).status).toBe(200);
    expect((await call(api.url, 'POST', '/admin/people', { headers: admin, json: { id: 'zhang.san', name: 'again', roles: ['auditor'] } })).status).toBe(409);
    // A planner does not manage people; an admin does not write plans.
    expect((await call(api.url, 'GET', '/admin/people', { headers: zhang })).status).toBe(403);
    expect((await call(api.url, 'POST', '/plans/x/publish', { headers: admin })).status).toBe(403);

    const revoked = await call(api.url, 'POST', '/admin/people/zhang.san/revoke', { headers: admin, json: { reason: '调离' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ personId: 'zhang.san', revokedReason: '调离' });
    const after = await call(api.url, 'GET', '/plans', { headers: zhang });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    const people = await call(api.url, 'GET', '/admin/people', { headers: admin });
    expect(people.body.people.map((p: { personId: string }) => p.personId)).toContain('zhang.san');
  });
});

describe('rate limits', () => {
  let api: ApiTestApp;
  beforeAll(async () => {
    api = await startApiTestApp({ rateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('429 with Retry-After once a token has used its requests for the minute; other tokens and probes are unaffected', async () => {
    const first = await api.authAs({ subject: 'a', roles: ['planner'] });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(api.url, 'GET', '/plans', { headers: first })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(api.url, 'GET', '/plans', { headers: first });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toBe('rate_limited');
    expect((await call(api.url, 'GET', '/plans', { headers: await api.authAs({ subject: 'b', roles: ['planner'] }) })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await call(api.url, 'GET', '/health')).status).not.toBe(429);
  });
});

describe('dead session cookies', () => {
  let api: ApiTestApp;
  beforeAll(async () => {
    api = await startApiTestApp({ rateLimitPerMinute: 100 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('an address presenting dead session cookies is cut off like one with bad tokens (10 a minute here)', async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(api.url, 'GET', '/session', { headers: { cookie: `planledger_session=${String(i).padStart(43, 'x')}` } })).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});
