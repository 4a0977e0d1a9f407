import Redis from 'ioredis';

/** PING the Redis at `url`, giving up after `timeoutMs`: a health check must answer even when Redis hangs. */
export async function pingRedis(url: string, timeoutMs = 1000): Promise<{ ok: true } | { ok: false; error: string }> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false, // PING is the whole check
    retryStrategy: () => null, // one attempt: reconnecting is the workers' business, not the probe's
  });
  client.on('error', () => undefined); // reported through the promise below, not as an unhandled event
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message || 'unreachable' };
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
