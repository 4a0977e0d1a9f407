import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { InvalidTokenError, issueToken, keysDirOf, LocalTokenVerifier, loadSigningKeys, parseTokenLifetime, type SigningKeys } from './index';

const freshDir = () => mkdtempSync(join(tmpdir(), 'planledger-auth-'));

describe('tokens signed with the service key', () => {
  let keys: SigningKeys;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = freshDir();
    keys = await loadSigningKeys({ dataDir, createIfMissing: true });
  });

  it('generates the pair once under DATA_DIR/keys, readable by the owner only, and reuses it', async () => {
    const file = join(keysDirOf(dataDir), 'token-signing.private.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadSigningKeys({ dataDir, createIfMissing: false });
    expect(again.keyId).toBe(keys.keyId);
  });

  it('round-trips subject, Chinese display name, roles and departments', async () => {
    const { token } = await issueToken(keys, { subject: 'zhang', name: '张三', roles: ['department_head'], departments: ['xugou-primary'], lifetimeSeconds: 60 });
    const principal = await new LocalTokenVerifier(keys).verify(token);
    expect(principal).toMatchObject({ subject: 'zhang', name: '张三', roles: ['department_head'], departments: ['xugou-primary'] });
    expect(decodeJwt(token)).toMatchObject({ iss: 'planledger', sub: 'zhang', jti: expect.any(String), exp: expect.any(Number) });
  });

  it('refuses an expired token and one signed by another key, without quoting the token', async () => {
    const expired = await issueToken(keys, { subject: 'a', name: 'a', roles: ['planner'], lifetimeSeconds: 60, now: new Date(Date.now() - 3600_000) });
    const foreign = await issueToken(await loadSigningKeys({ dataDir: freshDir(), createIfMissing: true }), { subject: 'a', name: 'a', roles: ['planner'], lifetimeSeconds: 60 });
    const verifier = new LocalTokenVerifier(keys);
    await expect(verifier.verify(expired.token)).rejects.toMatchObject({ reason: 'expired' });
    await expect(verifier.verify(foreign.token)).rejects.toMatchObject({ reason: 'bad_signature' });
    const error = await verifier.verify('not.a.token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).not.toContain('not.a.token');
  });

  it('without a key and without permission to create one, names the variables to set', async () => {
    await expect(loadSigningKeys({ dataDir: freshDir(), createIfMissing: false })).rejects.toThrow(/AUTH_PRIVATE_KEY_FILE/);
  });

  it('reads lifetimes like 30d and 12h', () => {
    expect(parseTokenLifetime('30d')).toBe(30 * 86_400);
    expect(parseTokenLifetime('12h')).toBe(43_200);
    expect(() => parseTokenLifetime('soon')).toThrow(/not a lifetime/);
  });
});
