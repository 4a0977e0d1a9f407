import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { call, startApiTestApp, type ApiTestApp } from '@planledger/api/testing';
import { invite } from './people.command';

const captured = () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
};

/** `planledger people invite <id>` against a running api: prints only the link, which works once. */
describe('planledger people invite', () => {
  let api: ApiTestApp;
  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  it("prints a one-time link for a registered person, with the admin token from DATA_DIR/admin-token", async () => {
    const admin = await api.authAs({ roles: ['admin'], subject: 'admin' });
    expect((await call(api.url, 'POST', '/admin/people', { json: { id: 'zhao', name: '赵六', roles: ['auditor'] }, headers: admin })).status).toBe(201);
    writeFileSync(join(api.config.DATA_DIR, 'admin-token'), `${admin.authorization.slice(7)}\n`);
    const out = captured();
    const err = captured();
    expect(await invite('zhao', { url: api.url }, { env: { DATA_DIR: api.config.DATA_DIR }, stdout: out.stream, stderr: err.stream })).toBe(0);
    const link = out.text().trim();
    expect(link).toMatch(/^http:\/\/localhost:\d+\/app\/invitations\/[A-Za-z0-9_-]{43}$/);
    expect(err.text()).toMatch(/valid once, until 2031-01-17/);
    const token = link.split('/').pop();
    expect((await call(api.url, 'POST', `/invitations/${token}`, { json: { password: 'audit-the-bureau-2031' } })).status).toBe(200);
    expect((await call(api.url, 'POST', `/invitations/${token}`, { json: { password: 'audit-the-bureau-2031' } })).status).toBe(410);
  });

  it('names the problem: an unknown person (404), no admin token', async () => {
    const err = captured();
    expect(await invite('nobody', { url: api.url, token: (await api.authAs({ roles: ['admin'] })).authorization.slice(7) }, { env: {}, stdout: new PassThrough(), stderr: err.stream })).toBe(1);
    expect(err.text()).toMatch(/HTTP 404/);
    const none = captured();
    expect(await invite('zhao', { url: api.url }, { env: { DATA_DIR: '/nonexistent' }, stdout: new PassThrough(), stderr: none.stream })).toBe(1);
    expect(none.text()).toMatch(/no admin token/);
  });
});
