import { spawn } from 'node:child_process';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');

/** Runs the CLI without blocking the event loop, so that a service under test answers meanwhile. */
export function planledger(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(repo, 'bin/planledger.cjs'), ...args], { cwd: repo, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.once('close', (status) => done({ status, stdout, stderr })));
}
