import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { readmeWalkthrough, walkthroughScript } from './support/readme-walkthrough';

/**
 * Issue #9.7: the README's walkthrough (its blocks marked `<!-- walkthrough: … -->`) runs as
 * written against `npm run demo`, command after command, each one succeeding.
 */
const repo = join(__dirname, '..', '..');

describe('the README walkthrough against the demo', () => {
  let demo: ServiceProcess;
  let dataDir: string;
  const port = freePort();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-readme-'));
    demo = await ServiceProcess.start({ args: ['--demo'], port, env: { DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `readme-walkthrough-${port}` } });
    // The demo imports and publishes its plan after /health answers, then prints the token.
    for (let i = 0; i < 1200 && !/export TOKEN=\S+/.test(demo.log); i++) await new Promise((r) => setTimeout(r, 100));
  }, 240_000);

  afterAll(async () => {
    if (demo) await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the marked blocks: the demo tour, the CLI import, the auditors', () => {
    const blocks = readmeWalkthrough(repo);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain('export TOKEN=…');
    expect(blocks[1]).toContain('npx planledger plans import');
    expect(blocks[2]).toContain('/audit/verify');
  });

  it('runs every command of the walkthrough successfully', () => {
    const token = /export TOKEN=(\S+)/.exec(demo.log)?.[1];
    expect(token).toBeDefined();
    const script = walkthroughScript(readmeWalkthrough(repo), { baseUrl: demo.baseUrl!, dataDir, token: token! });
    const { JEST_WORKER_ID: _jest, ...env } = process.env;
    const run = spawnSync('bash', ['-c', script], { cwd: repo, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 256 * 1024 * 1024 });
    // On failure the trace's tail names the command that failed and the service's answer.
    expect([run.status, run.status === 0 ? '' : run.stderr.slice(-3000) + run.stdout.slice(-2000)]).toEqual([0, '']);
    expect(run.stdout).toContain('"intact":true');
  }, 600_000);
});
