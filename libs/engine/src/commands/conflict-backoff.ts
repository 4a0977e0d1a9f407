/** How the executor waits between attempts when a concurrent writer took the stream's revision. */
export interface ConflictRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The cap of the first wait; each further wait doubles the cap, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A number in [0, 1): injected so that tests know every wait. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultConflictRetryPolicy: ConflictRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 5,
  maxDelayMs: 200,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Exponential backoff with full jitter: after the n-th failed attempt wait a random time below
 * min(maxDelayMs, baseDelayMs · 2^(n−1)). Writers that collided once pick different waits, so
 * they do not collide again in lockstep, and a hot stream is not hammered.
 */
export const conflictBackoffMs = (failedAttempts: number, policy: Pick<ConflictRetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number =>
  policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
