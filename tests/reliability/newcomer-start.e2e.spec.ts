import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');

describe('starting the service on a port that is taken', () => {
  let busy: Server;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-busy-port-'));
    busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  });
  afterAll(() => {
    busy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in one line to set PORT, with no stack, and exits 2', () => {
    const { port } = busy.address() as { port: number };
    const { JEST_WORKER_ID: _jest, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(repo, 'bin/planledger-service.cjs')], {
      cwd: repo, encoding: 'utf8', timeout: 120_000,
      env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: 'redis://127.0.0.1:6379' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`port ${port} .*already in use.*set PORT`))]);
  });
});
