import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');

/** Wall time of one run of `node <args>` from the repository root, in ms; throws when it fails. */
function wallOnce(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
  return performance.now() - t;
}

/** Wall time and the process's own CPU time (report-cpu.cjs preloaded: a few lines, nothing else). */
function wallAndCpuOnce(args: string[]): { wall: number; cpu: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const out = join(dir, 'cpu');
    const wall = wallOnce(['-r', join(__dirname, 'report-cpu.cjs'), ...args], { ...process.env, BENCH_CPU_OUT: out });
    return { wall, cpu: Number(readFileSync(out, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CliWall {
  /** The CLI on the Lianyun plan, as `npx planledger` runs it without npm's own start-up. */
  cli: { median: number; min: number };
  /** The CLI's own CPU time (user + system): near its wall time on an idle machine, whatever the load now. */
  cliCpu: { median: number; min: number };
  /** A bare `node -e 0` measured in the same run: the floor no CLI goes under on this machine now. */
  node: { median: number; min: number };
  loadAverage: string;
}

const stats = (runs: number[]) => {
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
};

/**
 * What a planner waits for. One run first, untimed: it builds the CLI bundle when a source changed and
 * fills V8's code cache, as the planner's first run does once. Then the CLI and `node -e 0`
 * alternate, so that both see the same load.
 */
export function measureCliWall(runs = 5): CliWall {
  const cliArgs = ['bin/planledger.cjs', 'simulate', 'workflows/lianyun-quality-2021-2024.yaml'];
  wallOnce(cliArgs);
  const cli: number[] = [];
  const cliCpu: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { wall, cpu } = wallAndCpuOnce(cliArgs);
    cli.push(wall);
    cliCpu.push(cpu);
    node.push(wallOnce(['-e', '0']));
  }
  return { cli: stats(cli), cliCpu: stats(cliCpu), node: stats(node), loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
}

export function cliWallRows({ cli, cliCpu, node, loadAverage }: CliWall): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '| figure | value | ceiling (same run) | target |',
    '|---|---|---|---|',
    `| planledger simulate lianyun (wall, median; min) | ${s(cli.median)}; ${s(cli.min)} | ${s(node.median)}; ${s(node.min)} (node -e 0) | 0.5 s idle |`,
    `| planledger simulate lianyun (CPU user + system, median; min) | ${s(cliCpu.median)}; ${s(cliCpu.min)} | | |`,
    `| load average (1, 5, 15 min) at the end | ${loadAverage} | | |`,
  ];
}
