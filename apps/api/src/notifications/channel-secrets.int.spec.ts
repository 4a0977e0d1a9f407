import { whsecret } from '@planledger/notification-delivery/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing';

/** Channel secrets (signing secrets, robot keys) never leave the service: not in any answer, not in the log, not stored in plaintext. */
describe('notification channel secrets (api over PGlite)', () => {
  let t: ApiTestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startApiTestApp({ now: new Date('2026-11-01T00:00:00.000Z') });
    admin = await t.authAs({ roles: ['admin'] });
  });
  afterAll(() => t?.close());

  it('given a channel created with a secret, then neither the create answer, the list, the log nor the stored row holds the plaintext', async () => {
    const secret = whsecret();
    const dingSecret = `SEC${'d1'.repeat(20)}`;
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      return jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    };
    const spies = [capture(process.stdout), capture(process.stderr)];
    try {
      const created = await call(t.url, 'POST', '/admin/notification-channels', { json: { departmentId: 'school-a', settings: { kind: 'webhook', url: 'http://127.0.0.1:9/hooks', signingSecret: secret } }, headers: admin });
      expect(created.status).toBe(201);
      const ding = await call(t.url, 'POST', '/admin/notification-channels', { json: { departmentId: 'school-a', settings: { kind: 'dingtalk', webhookUrl: 'http://127.0.0.1:9/robot/send?access_token=TOKEN', signingSecret: dingSecret } }, headers: admin });
      expect(ding.status).toBe(201);
      const listed = await call(t.url, 'GET', '/admin/notification-channels', { headers: admin });
      expect(listed.status).toBe(200);
      expect(listed.body.channels).toHaveLength(2);
      for (const answer of [created.text, ding.text, listed.text]) {
        expect(answer).not.toContain(secret);
        expect(answer).not.toContain(dingSecret);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(written.join('')).not.toContain(secret);
    expect(written.join('')).not.toContain(dingSecret);

    const rows = await t.storage.database.query<{ settings: unknown; secret: unknown }>('select settings, secret from notification_channels');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(dingSecret);
      expect(row.secret).toBeTruthy(); // sealed, not dropped
    }
  });
});
