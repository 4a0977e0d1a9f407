import type { Redis } from 'ioredis';

/*
 * A sliding window per endpoint in Redis: the sends of the last minute as a sorted set. Shared by
 * every worker (one robot's 20 a minute hold whatever process sends). A rate-limit answer from the
 * endpoint blocks it for the time the channel names (WeCom a minute, DingTalk ten).
 * Returns 0 when a send may go now (and counts it), else the milliseconds to wait.
 */
const ACQUIRE = `
local blocked = redis.call('pttl', KEYS[2])
if blocked > 0 then return blocked end
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], now, ARGV[4])
  redis.call('pexpire', KEYS[1], window)
  return 0
end
local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

export class EndpointRateLimiter {
  private sequence = 0;

  /** `keyPrefix` is the queue's own prefix, so installations sharing a Redis count apart. */
  constructor(private readonly redis: Redis, private readonly keyPrefix: string, private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  async acquire(endpoint: string, perWindow: number): Promise<number> {
    const member = `${this.now()}-${process.pid}-${this.sequence++}`;
    const wait = await this.redis.eval(ACQUIRE, 2, `${this.keyPrefix}:rate:${endpoint}`, `${this.keyPrefix}:blocked:${endpoint}`, this.now(), this.windowMs, perWindow, member);
    return Number(wait);
  }

  /** The endpoint answered "too many": nobody sends to it for `ms`. */
  async block(endpoint: string, ms: number): Promise<void> {
    await this.redis.set(`${this.keyPrefix}:blocked:${endpoint}`, '1', 'PX', Math.max(1, Math.round(ms)));
  }
}
