/* Shared by sessions.pglite.int.spec.ts and sessions.postgres.int.spec.ts: the same scenarios on both stores. */
import type { ApiTestApp } from '../testing/api-test-app';
import { call } from '../testing/api-test-app';

export interface Cluster {
  /** Two api apps over one database and one clock: two processes of a cluster. */
  a: ApiTestApp;
  b: ApiTestApp;
}

const PASSWORD = 'Lianyun-2031-school!';
const MINUTE = 60_000;

/** The cookie a Set-Cookie header sets, as a Cookie header, and its attributes. */
export function sessionCookie(headers: Headers): { cookie: string; attributes: string } {
  const line = headers.getSetCookie().find((c) => c.startsWith('planledger_session='));
  if (!line) throw new Error(`no planledger_session cookie in ${JSON.stringify(headers.getSetCookie())}`);
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return { cookie: pair!, attributes: attributes.join('; ') };
}

const tokenOf = (invitationUrl: string) => invitationUrl.split('/').pop()!;

export function sessionScenarios(open: () => Promise<Cluster>): void {
  let a: ApiTestApp;
  let b: ApiTestApp;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;
  let people = 0;

  beforeAll(async () => {
    ({ a, b } = await open());
    admin = await a.authAs({ roles: ['admin'], subject: 'admin' });
    auditor = await a.authAs({ roles: ['auditor'], subject: 'auditor-1' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Time passes: business time and real time alike (the service's clock is not virtual). */
  const advance = (ms: number) => {
    elapsed += ms;
    a.clock.set(new Date(Date.parse('2031-01-10T02:00:00Z') + businessAhead + elapsed));
    a.wallClock.set(new Date(Date.parse('2031-01-10T02:00:00Z') + elapsed));
  };
  /** The demo's virtual clock moved forward: business time only. */
  const moveVirtualClock = (ms: number) => {
    businessAhead += ms;
    advance(0);
  };
  let elapsed = 0;
  let businessAhead = 0;

  /** Registers a school head through app a and sets their password through the invitation on app b. */
  async function personWithPassword(): Promise<{ id: string; cookie: string }> {
    const id = `head-${++people}`;
    const registered = await call(a.url, 'POST', '/admin/people', { json: { id, name: '王校长', roles: ['department_head'], departments: ['banqiao-junior'] }, headers: admin });
    expect(registered.status).toBe(201);
    const accepted = await call(b.url, 'POST', `/invitations/${tokenOf(registered.body.invitationUrl)}`, { json: { password: PASSWORD } });
    expect(accepted.status).toBe(200);
    return { id, cookie: sessionCookie(accepted.headers).cookie };
  }

  it('an invitation shows whom it is for, refuses a weak password, sets one once and signs the person in with a cookie', async () => {
    const registered = await call(a.url, 'POST', '/admin/people', { json: { id: 'zhang-san', name: '张三', roles: ['department_head'], departments: ['banqiao-junior'] }, headers: admin });
    expect(registered.status).toBe(201);
    expect(registered.body.invitationUrl).toMatch(/^http:\/\/localhost:\d+\/app\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(registered.body.invitationUrl);
    expect(Date.parse(registered.body.invitationExpiresAt) - (await a.clock.now()).getTime()).toBe(7 * 86_400_000);

    const view = await call(b.url, 'GET', `/invitations/${token}`);
    expect(view).toMatchObject({ status: 200, body: { name: '张三', login: 'zhang-san' } });
    expect(Date.parse(view.body.expiresAt)).toBe(Date.parse(registered.body.invitationExpiresAt));

    expect((await call(b.url, 'POST', `/invitations/${token}`, { json: { password: 'short' } })).body).toMatchObject({ error: 'weak_password', problem: 'too_short' });
    expect((await call(b.url, 'POST', `/invitations/${token}`, { json: { password: 'qwertyuiop' } })).body).toMatchObject({ error: 'weak_password', problem: 'common' });
    expect((await call(b.url, 'POST', `/invitations/${token}`, { json: { password: PASSWORD }, headers: { origin: 'https://evil.example' } })).body).toMatchObject({ error: 'csrf_origin_mismatch' });

    const accepted = await call(b.url, 'POST', `/invitations/${token}`, { json: { password: PASSWORD } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.person).toEqual({ id: 'zhang-san', name: '张三', roles: ['department_head'], departments: ['banqiao-junior'] });
    const { cookie, attributes } = sessionCookie(accepted.headers);
    expect(attributes).toBe('Path=/; HttpOnly; SameSite=Lax; Max-Age=43200');

    // The link works once, in every process.
    expect((await call(a.url, 'POST', `/invitations/${token}`, { json: { password: PASSWORD } })).body).toMatchObject({ error: 'invitation_used' });
    expect((await call(a.url, 'GET', `/invitations/${token}`)).status).toBe(410);
    expect((await call(a.url, 'GET', `/invitations/${'x'.repeat(43)}`)).status).toBe(404);

    // The cookie yields the same principal on either process; route policies apply unchanged.
    const me = await call(a.url, 'GET', '/session', { headers: { cookie } });
    expect(me).toMatchObject({ status: 200, body: { person: { id: 'zhang-san', roles: ['department_head'] } } });
    expect((await call(a.url, 'GET', '/departments/banqiao-junior/inbox', { headers: { cookie } })).status).toBe(200);
    expect((await call(a.url, 'GET', '/departments/haibin-primary/inbox', { headers: { cookie } })).status).toBe(403);
    expect((await call(a.url, 'GET', '/admin/people', { headers: { cookie } })).status).toBe(403);
  });

  it('an invitation expires after 7 days', async () => {
    const registered = await call(a.url, 'POST', '/admin/people', { json: { id: 'late-li', name: '李四', roles: ['planner'] }, headers: admin });
    advance(7 * 86_400_000);
    expect((await call(b.url, 'POST', `/invitations/${tokenOf(registered.body.invitationUrl)}`, { json: { password: PASSWORD } })).body).toMatchObject({ error: 'invitation_expired' });
    const again = await call(a.url, 'POST', '/admin/people/late-li/invitations', { headers: admin });
    expect(again.status).toBe(201);
    expect((await call(b.url, 'POST', `/invitations/${tokenOf(again.body.invitationUrl)}`, { json: { password: PASSWORD } })).status).toBe(200);
  });

  it('signs in with login and password; 5 failures lock the account for 15 minutes, counted across processes', async () => {
    const { id } = await personWithPassword();
    const signIn = (app: ApiTestApp, password: string) => call(app.url, 'POST', '/session', { json: { login: id, password } });
    expect((await signIn(a, PASSWORD)).status).toBe(200);
    expect((await call(a.url, 'POST', '/session', { json: { login: 'nobody', password: PASSWORD } })).body).toMatchObject({ error: 'sign_in_failed' });
    for (let i = 1; i <= 4; i++) expect((await signIn(i % 2 ? a : b, 'wrong-password')).body).toMatchObject({ error: 'sign_in_failed' });
    const now = await a.clock.now();
    const locked = await signIn(b, 'wrong-password');
    expect(locked).toMatchObject({ status: 423, body: { error: 'account_locked', lockedUntil: new Date(now.getTime() + 15 * MINUTE).toISOString() } });
    expect(locked.headers.get('retry-after')).toBe('900');
    // Locked: even the right password, in the other process too.
    expect((await signIn(a, PASSWORD)).status).toBe(423);
    advance(15 * MINUTE - 1000);
    expect((await signIn(a, PASSWORD)).status).toBe(423);
    advance(1000);
    const back = await signIn(b, PASSWORD);
    expect(back.status).toBe(200);
    expect(sessionCookie(back.headers).cookie).toMatch(/^planledger_session=[A-Za-z0-9_-]{43}$/);
  });

  it('moving the virtual clock by days keeps people signed in: sessions idle out on real time, not business time', async () => {
    const { cookie } = await personWithPassword();
    moveVirtualClock(2 * 86_400_000); // POST /admin/clock: two days of business in a moment
    const after = await call(b.url, 'GET', '/session', { headers: { cookie } });
    expect(after.status).toBe(200);
    // The session's end is reckoned in real time: 30 minutes from its last use, not from business time.
    expect(Date.parse(after.body.expiresAt)).toBe((await a.wallClock.now()).getTime() + 30 * MINUTE);
    advance(31 * MINUTE); // real time passes with nobody using it
    expect((await call(a.url, 'GET', '/session', { headers: { cookie } })).status).toBe(401);
  });

  it('a session ends after 30 minutes idle and 12 hours in all, by real time', async () => {
    const { cookie } = await personWithPassword();
    advance(29 * MINUTE);
    expect((await call(a.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200);
    advance(29 * MINUTE); // 58 min after sign-in, 29 after the last use
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200);
    advance(30 * MINUTE);
    const idle = await call(a.url, 'GET', '/session', { headers: { cookie } });
    expect(idle).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(idle.headers.getSetCookie()[0]).toMatch(/^planledger_session=; .*Max-Age=0/);

    const { cookie: busy } = await personWithPassword();
    for (let used = 0; used < 12 * 60 - 20; used += 20) {
      advance(20 * MINUTE);
      expect((await call(a.url, 'GET', '/session', { headers: { cookie: busy } })).status).toBe(200);
    }
    advance(20 * MINUTE); // 12 h after sign-in, used every 20 minutes
    expect((await call(a.url, 'GET', '/session', { headers: { cookie: busy } })).status).toBe(401);
  });

  it('ended sessions are deleted 30 days later (retention); the access log keeps the facts', async () => {
    const { id, cookie } = await personWithPassword();
    await call(a.url, 'DELETE', '/session', { headers: { cookie, origin: new URL(a.url).origin } });
    const rows = () => a.storage.database.query<{ n: number }>('select count(*)::int as n from person_sessions where person_id = $1', [id]).then((r) => Number(r[0]!.n));
    expect(await rows()).toBe(1);
    advance(31 * 86_400_000);
    expect((await call(b.url, 'POST', '/session', { json: { login: id, password: PASSWORD } })).status).toBe(200);
    expect(await rows()).toBe(1); // the new one only
  });

  it('sign-out ends the session on the server: the cookie stops working in every process', async () => {
    const { cookie } = await personWithPassword();
    const out = await call(a.url, 'DELETE', '/session', { headers: { cookie, origin: new URL(a.url).origin } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^planledger_session=; .*Max-Age=0/);
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(401);
    expect((await call(a.url, 'GET', '/session', { headers: { cookie } })).status).toBe(401);
  });

  it('revoking a person in one process ends their sessions in the other at once', async () => {
    const { id, cookie } = await personWithPassword();
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200);
    expect((await call(a.url, 'POST', `/admin/people/${id}/revoke`, { json: { reason: 'left the school' }, headers: admin })).status).toBe(200);
    // No clock moves, no wait: the next request in the other process is refused.
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(401);
    expect((await call(b.url, 'POST', '/session', { json: { login: id, password: PASSWORD } })).status).toBe(401);
  });

  it('a state-changing request with the cookie needs our own Origin (or Referer); bearer requests do not', async () => {
    const { cookie } = await personWithPassword();
    const own = new URL(b.url).origin;
    const change = (headers: Record<string, string>) => call(b.url, 'POST', '/session/password', { json: { currentPassword: PASSWORD, newPassword: PASSWORD }, headers: { cookie, ...headers } });
    expect((await change({})).body).toMatchObject({ error: 'csrf_origin_mismatch' });
    expect((await change({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await change({ origin: 'null' })).status).toBe(403);
    expect((await change({ referer: 'http://evil.example/app/inbox' })).body).toMatchObject({ error: 'csrf_origin_mismatch' });
    expect((await call(b.url, 'POST', '/assignments/p.x/acknowledge', { headers: { cookie, origin: 'https://evil.example' } })).body).toMatchObject({ error: 'csrf_origin_mismatch' });
    // Same origin: the request goes through to the handler (same password: refused there, not by CSRF).
    expect((await change({ referer: `${own}/app/inbox` })).body).toMatchObject({ error: 'weak_password', problem: 'unchanged' });
    expect((await change({ origin: own })).body).toMatchObject({ error: 'weak_password' });
    // Reads need no Origin.
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200);
    // Bearer tokens are not subject to it.
    expect((await call(a.url, 'POST', '/admin/people/nobody-at-all/invitations', { headers: { ...admin, origin: 'https://evil.example' } })).status).toBe(404);
  });

  it('a password change needs the current password and ends the other sessions', async () => {
    const { id, cookie } = await personWithPassword();
    const other = sessionCookie((await call(a.url, 'POST', '/session', { json: { login: id, password: PASSWORD } })).headers).cookie;
    const own = new URL(a.url).origin;
    expect((await call(a.url, 'POST', '/session/password', { json: { currentPassword: 'not-the-password', newPassword: 'another-long-phrase-9' }, headers: { cookie, origin: own } })).body).toMatchObject({ error: 'wrong_password' });
    expect((await call(a.url, 'POST', '/session/password', { json: { currentPassword: PASSWORD, newPassword: 'another-long-phrase-9' }, headers: { cookie, origin: own } })).status).toBe(204);
    expect((await call(b.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200);
    expect((await call(b.url, 'GET', '/session', { headers: { cookie: other } })).status).toBe(401);
    expect((await call(b.url, 'POST', '/session', { json: { login: id, password: PASSWORD } })).status).toBe(401);
    expect((await call(b.url, 'POST', '/session', { json: { login: id, password: 'another-long-phrase-9' } })).status).toBe(200);
  });

  it('an auditor lists sign-ins, failures, lockouts, sign-outs, invitations and password changes with time, person and client address', async () => {
    const { id, cookie } = await personWithPassword();
    for (let i = 0; i < 5; i++) await call(a.url, 'POST', '/session', { json: { login: id, password: 'wrong-password' } });
    await call(a.url, 'DELETE', '/session', { headers: { cookie, origin: new URL(a.url).origin } });
    const listed = await call(b.url, 'GET', `/audit/sign-ins?person=${id}&from=2031-01-01T00:00:00Z&to=2031-03-01T00:00:00Z`, { headers: await b.authAs({ roles: ['auditor'], subject: 'auditor-2' }) });
    expect(listed.status).toBe(200);
    const types = listed.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(['InvitationIssued', 'InvitationUsed', 'SignedIn', 'SignInFailed', 'SignInFailed', 'SignInFailed', 'SignInFailed', 'SignInFailed', 'AccountLocked', 'SignedOut']);
    for (const entry of listed.body.entries) expect(entry).toMatchObject({ personId: id, at: expect.stringMatching(/^2031-/) });
    expect(listed.body.entries[0].actor).toBe('admin');
    expect(listed.body.entries.filter((e: { type: string }) => e.type !== 'InvitationIssued').every((e: { clientAddress?: string }) => /127\.0\.0\.1/.test(e.clientAddress ?? ''))).toBe(true);
    expect(JSON.stringify(listed.body)).not.toMatch(/tokenSha256|password_hash|\$argon2/);
    // Not for the people it lists, nor for planners.
    expect((await call(a.url, 'GET', '/audit/sign-ins', { headers: { cookie: (await personWithPassword()).cookie } })).status).toBe(403);
    expect((await call(a.url, 'GET', '/audit/sign-ins', { headers: await a.authAs({ roles: ['planner'] }) })).status).toBe(403);
    expect((await call(a.url, 'GET', '/audit/sign-ins', { headers: auditor })).status).toBe(200);
  });
}
