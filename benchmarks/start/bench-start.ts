/*
 * npm run bench:start — seconds from `node bin/planledger-service.cjs` to the first `/health`
 * 200, on a fresh data directory (what a newcomer's first `npm start` does) beside the same
 * service restarted on that now existing directory, in the same run. Redis is the machine's
 * (REDIS_URL, default 127.0.0.1:6379) so that neither figure includes starting one.
 * BENCH_RUNS (3) repeats both; the median is printed with every run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts the service, waits for /health 200, stops it with SIGTERM; returns the seconds to 200. */
async function secondsToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const { JEST_WORKER_ID: _jest, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [join(repo, 'bin/planledger-service.cjs')], {
    cwd: repo,
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', REDIS_URL, QUEUE_NAME: `bench-start-${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200, () => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  // Compile what changed first, so that neither figure includes it.
  spawnSync(process.execPath, [join(repo, 'scripts/compile-cache.cjs')], { stdio: 'ignore' });
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'planledger-bench-start-'));
    try {
      fresh.push(await secondsToHealthy(dataDir));
      existing.push(await secondsToHealthy(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const list = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
  process.stdout.write(`start to /health 200, fresh data directory:    median ${median(fresh).toFixed(2)} s (runs: ${list(fresh)})\n`);
  process.stdout.write(`start to /health 200, existing data directory: median ${median(existing).toFixed(2)} s (runs: ${list(existing)})  ← ceiling of the same run\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:start: ${(error as Error).message}\n`);
  process.exit(1);
});
