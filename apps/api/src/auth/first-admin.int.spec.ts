import { call, startApiTestApp, type ApiTestApp } from '../testing/api-test-app';
import { sessionCookie } from './sessions.scenarios';

describe('first start on a fresh record', () => {
  let api: ApiTestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    api = await startApiTestApp({ announce: (line) => lines.push(line), publicUrl: 'https://planledger.example.org' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('prints a one-time link with which the administrator sets a password and gets an admin session', async () => {
    const link = lines.map((line) => /https:\/\/planledger\.example\.org\/app\/invitations\/([A-Za-z0-9_-]{43})/.exec(line)).find(Boolean);
    expect(link).toBeTruthy();
    expect(lines.join('\n')).toContain('admin-token'); // the token for programs is kept too
    const own = { origin: 'https://planledger.example.org' };
    expect((await call(api.url, 'GET', `/invitations/${link![1]}`)).body).toMatchObject({ login: 'admin', name: 'administrator' });
    const accepted = await call(api.url, 'POST', `/invitations/${link![1]}`, { json: { password: 'lianyun-bureau-keeper-7' }, headers: own });
    expect(accepted.status).toBe(200);
    // PUBLIC_URL is https: the cookie is Secure.
    const { cookie, attributes } = sessionCookie(accepted.headers);
    expect(attributes).toContain('Secure');
    expect((await call(api.url, 'GET', '/admin/people', { headers: { cookie } })).body.people).toEqual([expect.objectContaining({ personId: 'admin', passwordSetAt: expect.any(String) })]);
    // With PUBLIC_URL, the Origin must be PUBLIC_URL's, not the address the request happened to reach.
    const register = (origin: string) => call(api.url, 'POST', '/admin/people', { json: { id: 'wang', name: '王五', roles: ['planner'] }, headers: { cookie, origin } });
    expect((await register(new URL(api.url).origin)).body).toMatchObject({ error: 'csrf_origin_mismatch' });
    const registered = await register('https://planledger.example.org');
    expect(registered.status).toBe(201);
    expect(registered.body.invitationUrl).toMatch(/^https:\/\/planledger\.example\.org\/app\/invitations\//);
  });

  it('a second start on the same record prints no new link', async () => {
    const again: string[] = [];
    const second = await startApiTestApp({ storage: api.storage, clock: api.clock, announce: (line) => again.push(line) });
    try {
      expect(again.join('\n')).not.toContain('/app/invitations/');
    } finally {
      await second.close();
    }
  });
});
