import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { LocalTokenVerifier, loadSigningKeys } from '@planledger/auth';
import { createToken } from './token-create.command';

const io = (env: NodeJS.ProcessEnv) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => () => String(stream.read() ?? '');
  return { io: { env, stdout, stderr }, out: read(stdout), err: read(stderr) };
};

describe('planledger token create', () => {
  it('prints a token the service (same DATA_DIR key) accepts, with the Chinese name and department', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'planledger-cli-'));
    const keys = await loadSigningKeys({ dataDir, createIfMissing: true }); // what the service's first start does
    const run = io({ DATA_DIR: dataDir });
    expect(await createToken({ role: ['department_head'], name: '张三', department: ['xugou-primary'], expires: '30d' }, run.io)).toBe(0);
    const principal = await new LocalTokenVerifier(keys).verify(run.out().trim());
    expect(principal).toMatchObject({ name: '张三', roles: ['department_head'], departments: ['xugou-primary'], subject: 'cli-张三' });
    expect(principal.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
  });

  it('refuses an unknown role and a missing key with a one-line message', async () => {
    const bad = io({ DATA_DIR: mkdtempSync(join(tmpdir(), 'planledger-cli-')) });
    expect(await createToken({ role: ['king'], name: 'x', department: [], expires: '30d' }, bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--role must be one of planner/);
    expect(await createToken({ role: ['planner'], name: 'x', department: [], expires: '30d' }, bad.io)).toBe(1);
    expect(bad.err()).toMatch(/no token signing key .*start the service once/);
  });
});
