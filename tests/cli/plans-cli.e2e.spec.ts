import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';
import { planledger } from './support/run-planledger';

describe('planledger plans import|publish|amend against the running service', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let env: Record<string, string>;
  const port = freePort();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-plans-cli-'));
    service = await ServiceProcess.start({ args: ['--virtual-clock'], port, env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2026-08-20T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `plans-cli-${port}` } });
    const token = (await bearerFor({ dataDir }, { subject: 'planner', roles: ['planner'] })).authorization.slice('Bearer '.length);
    env = { PLANLEDGER_URL: service.baseUrl!, PLANLEDGER_TOKEN: token };
  }, 240_000);

  afterAll(async () => {
    if (service) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a plan with its departments file, publishes it and amends it', async () => {
    const imported = await planledger(env, 'plans', 'import', 'workflows/county-basic-education-2022-2025.yaml', '--rebase', '2026-09-01', '--plan-id', 'county-copy');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ planId: 'county-copy', status: 'draft' });
    const published = await planledger(env, 'plans', 'publish', 'county-copy');
    expect(JSON.parse(published.stdout)).toMatchObject({ planId: 'county-copy', status: 'published' });
    const amended = await planledger(env, 'plans', 'amend', 'county-copy', 'workflows/county-basic-education-2022-2025.yaml', '--rebase', '2026-09-08', '--reason', '推迟一周');
    expect(amended.stderr).toBe('');
    expect(JSON.parse(amended.stdout)).toMatchObject({ planId: 'county-copy', amendment: 1, reason: '推迟一周' });
  });

  it('says what is wrong without a stack: no token, an unreachable service, an unknown plan', async () => {
    const noToken = await planledger({ PLANLEDGER_URL: service.baseUrl!, PLANLEDGER_TOKEN: '' }, 'plans', 'publish', 'county-copy');
    expect(noToken.status).toBe(1);
    expect(noToken.stderr).toContain('PLANLEDGER_TOKEN');
    const unreachable = await planledger({ ...env, PLANLEDGER_URL: 'http://127.0.0.1:9' }, 'plans', 'publish', 'county-copy');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the service at http://127.0.0.1:9');
    const unknown = await planledger(env, 'plans', 'publish', 'no-such-plan');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/HTTP 404\nplan no-such-plan /);
    expect(noToken.stderr + unreachable.stderr + unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
