import { Redis } from 'ioredis';

/**
 * Deletes every key matching a glob, by SCAN (never KEYS, which blocks a shared Redis). Used to
 * simulate a lost Redis for one queue or one prefix without touching anyone else's keys.
 */
export async function deleteKeysMatching(pattern: string, redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
