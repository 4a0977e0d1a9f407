import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';

export interface RedisHandle {
  url: string;
  /** Where it came from, for the start-up log. */
  origin: 'REDIS_URL' | 'local' | 'spawned';
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

const LOCAL_PORT = 6379;

/**
 * REDIS_URL when set; otherwise a Redis already answering on 127.0.0.1:6379; otherwise, when
 * allowed, a redis-server child keeping its data under dataDir (stopped with the service).
 */
export interface EnsureRedisOptions {
  redisUrl?: string;
  spawnAllowed: boolean;
  dataDir: string;
  /** Where a Redis is looked for first (tests move it). */
  localPort?: number;
  /** Where the started one listens (tests move it). */
  spawnPort?: number;
}

export async function ensureRedis(options: EnsureRedisOptions): Promise<RedisHandle> {
  const localPort = options.localPort ?? LOCAL_PORT;
  if (options.redisUrl) return { url: options.redisUrl, origin: 'REDIS_URL', stop: async () => undefined };
  if (await answersPing('127.0.0.1', localPort)) return { url: `redis://127.0.0.1:${localPort}`, origin: 'local', stop: async () => undefined };
  if (!options.spawnAllowed) {
    throw new RedisUnavailableError(`REDIS_URL is not set and nothing answers on 127.0.0.1:${localPort}; set REDIS_URL or REDIS_SPAWN=true`);
  }
  if (spawnSync('redis-server', ['--version']).error) {
    throw new RedisUnavailableError(
      'REDIS_URL is not set, nothing answers on 127.0.0.1:6379, and there is no redis-server on this machine.\n' +
        '  Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:6379',
    );
  }
  return spawnRedis(resolve(options.dataDir, 'redis'), options.spawnPort ?? SPAWNED_REDIS_PORT);
}

/** The port of the Redis the service starts for itself (not 6379: that one is looked for first). */
export const SPAWNED_REDIS_PORT = 6380;

async function spawnRedis(dir: string, port: number): Promise<RedisHandle> {
  mkdirSync(dir, { recursive: true });
  // A Redis left running by a service that was killed (-9) keeps serving our data: use it.
  if (await answersPing('127.0.0.1', port)) return { url: `redis://127.0.0.1:${port}`, origin: 'spawned', stop: () => sendShutdown(port) };
  // AOF everysec: a restart of the service keeps the queue; noeviction: BullMQ must never lose keys.
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await answersPing('127.0.0.1', port)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        origin: 'spawned',
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`the redis-server started on port ${port} (data in ${dir}) did not answer; try starting it by hand to see why`);
}

/** A bare RESP PING: no client library needed to find out whether a Redis is there. */
function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}

/** Stops a Redis this service started in an earlier life (it was orphaned when that process died). */
function sendShutdown(port: number): Promise<void> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once('connect', () => socket.write('SHUTDOWN\r\n'));
    socket.once('close', () => done());
    socket.once('error', () => done());
  });
}
