import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

/**
 * A redis-server of the test's own on a random port: FLUSHALL there cannot disturb the other
 * test files that share the machine's Redis.
 */
export class OwnRedis {
  private constructor(private readonly child: ChildProcess, readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if ((await command(port, 'PING')).startsWith('+PONG')) return new OwnRedis(child, port);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not start`);
  }

  flushAll(): Promise<string> {
    return command(this.port, 'FLUSHALL');
  }

  async stop(): Promise<void> {
    this.child.kill('SIGKILL');
  }
}

function command(port: number, text: string): Promise<string> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => done(''));
    socket.once('connect', () => socket.write(`${text}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      done(data.toString());
    });
  });
}
