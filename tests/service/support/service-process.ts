import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');

export interface StartOptions {
  app?: 'api' | 'worker';
  args?: string[];
  env: Record<string, string>;
  /** For the api: the port it listens on (its /health is awaited). */
  port?: number;
}

/**
 * A real planledger process (bin/planledger-service.cjs), as an operator would start it. Output is
 * kept for the failure message; `kill('SIGKILL')` is a crash, `stop()` a graceful SIGTERM.
 */
export class ServiceProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string | undefined) {
    child.stdout?.on('data', (d) => (this.output += d));
    child.stderr?.on('data', (d) => (this.output += d));
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  static async start(options: StartOptions): Promise<ServiceProcess> {
    const app = options.app ?? 'api';
    // Not a jest worker: without this the service would run PGlite the way tests do (in a thread).
    const { JEST_WORKER_ID: _jest, ...parentEnv } = process.env;
    const child = spawn(process.execPath, [join(repo, 'bin/planledger-service.cjs'), app, ...(options.args ?? [])], {
      cwd: repo,
      env: { ...parentEnv, LOG_LEVEL: app === 'worker' ? 'info' : 'warn', ...options.env, ...(options.port !== undefined && { PORT: String(options.port) }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, options.port !== undefined ? `http://127.0.0.1:${options.port}` : undefined);
    await service.ready(app);
    return service;
  }

  get log(): string {
    return this.output;
  }

  /** The service's process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  private async ready(app: 'api' | 'worker'): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`planledger ${app} exited with ${this.child.exitCode}:\n${this.output}`);
      if (app === 'api' && this.baseUrl) {
        const ok = await fetch(`${this.baseUrl}/health`).then((r) => r.ok, () => false);
        if (ok) return;
      } else if (/planledger( worker)? started/.test(this.output)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    this.child.kill('SIGKILL');
    throw new Error(`planledger ${app} did not become ready in 90 s:\n${this.output}`);
  }
}

// Below Linux's ephemeral range (32768–60999): a port handed out there may already be the local end
// of some outgoing connection, and a test's client then talks to the wrong socket.
let nextPort = 20_000 + Math.floor(Math.random() * 12_000);
/** A port for one test's service; spread so parallel test files do not collide. */
export const freePort = (): number => nextPort++;
