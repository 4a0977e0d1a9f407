import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ensureRedis } from './ensure-redis';

/** The `npm start` path on a machine without a Redis: the service starts its own, keeps data, stops it. */
describe('ensureRedis', () => {
  const unused = () => 41_000 + Math.floor(Math.random() * 9_000);
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'planledger-redis-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers REDIS_URL without looking further', async () => {
    const handle = await ensureRedis({ redisUrl: 'redis://example.invalid:6379', spawnAllowed: true, dataDir });
    expect(handle).toEqual(expect.objectContaining({ url: 'redis://example.invalid:6379', origin: 'REDIS_URL' }));
  });

  it('uses a Redis that answers on the local port', async () => {
    const handle = await ensureRedis({ spawnAllowed: false, dataDir, localPort: 6379 });
    expect(handle.origin).toBe('local');
  });

  it('starts a redis-server under the data folder when none answers, and its data survive a restart', async () => {
    const spawnPort = unused();
    const first = await ensureRedis({ spawnAllowed: true, dataDir, localPort: unused(), spawnPort });
    expect(first).toEqual(expect.objectContaining({ origin: 'spawned', url: `redis://127.0.0.1:${spawnPort}` }));
    const client = new Redis(first.url, { maxRetriesPerRequest: 1 });
    await client.set('planledger:test', 'kept');
    await client.quit();
    await first.stop();
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);

    const second = await ensureRedis({ spawnAllowed: true, dataDir, localPort: unused(), spawnPort });
    const again = new Redis(second.url, { maxRetriesPerRequest: 1 });
    expect(await again.get('planledger:test')).toBe('kept');
    await again.quit();
    await second.stop();
  });

  it('refuses clearly when starting one is not allowed', async () => {
    await expect(ensureRedis({ spawnAllowed: false, dataDir, localPort: unused() })).rejects.toThrow(/set REDIS_URL or REDIS_SPAWN=true/);
  });
});
