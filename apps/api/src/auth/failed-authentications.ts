import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@planledger/runtime';

const WINDOW_MS = 60_000;
/** Entries kept before expired ones are swept (a flood from many addresses stays bounded). */
const SWEEP_ABOVE = 10_000;

/**
 * Failed authentications per client address and minute. The rate limit counts per token, so a
 * caller rotating forged tokens got a fresh bucket with each; this counts the failures of the
 * address, and once it has failed RATE_LIMIT_PER_MINUTE / 10 times (at least 10) in a minute,
 * its token-bearing requests are refused with 429 until that minute ends. In this process only,
 * like the rate limit.
 */
@Injectable()
export class FailedAuthentications {
  readonly limit: number;
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(@Inject(SERVICE_CONFIG) config: { RATE_LIMIT_PER_MINUTE?: number }) {
    this.limit = Math.max(10, Math.floor((config.RATE_LIMIT_PER_MINUTE ?? 600) / 10));
  }

  /** Seconds until the address may try again, or undefined when it may now. */
  retryAfterSeconds(address: string, now = Date.now()): number | undefined {
    const window = this.windows.get(address);
    if (!window || window.endsAt <= now || window.failures < this.limit) return undefined;
    return Math.ceil((window.endsAt - now) / 1000);
  }

  recordFailure(address: string, now = Date.now()): void {
    if (this.windows.size > SWEEP_ABOVE) for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    const window = this.windows.get(address);
    if (!window || window.endsAt <= now) this.windows.set(address, { failures: 1, endsAt: now + WINDOW_MS });
    else window.failures++;
  }
}
