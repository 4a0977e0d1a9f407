import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const lianyun = 'workflows/lianyun-quality-2021-2024.yaml';
const county = 'workflows/county-basic-education-2022-2025.yaml';
const planledger = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/planledger.cjs'), ...args], { cwd: repo, encoding: 'utf8' });

describe('planledger for a newcomer', () => {
  it('--version prints the package version', () => {
    const run = planledger('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
  });

  it('simulate piped into a reader that stops early (| head) exits 0 without a stack trace', async () => {
    // The reader closes the pipe after the first chunk, as `head -2` does.
    const child = spawn(process.execPath, [join(repo, 'bin/planledger.cjs'), 'simulate', lianyun], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('an unknown department id in --late suggests the closest one and says where the list is', () => {
    const run = planledger('simulate', lianyun, '--late', 'xugou-primry');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--late: the plan has no department "xugou-primry"; did you mean "xugou-primary"?');
    expect(run.stderr).toContain(`under "departments:" in ${lianyun}`);
    expect(run.stderr).toContain('GET /departments');
  });

  it('an unknown id in --silent of a plan with a departments file names that file too', () => {
    const run = planledger('simulate', county, '--silent', 'matian-twn');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "matian-town"?');
    expect(run.stderr).toContain('in the departments file workflows/county-basic-education-departments.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
