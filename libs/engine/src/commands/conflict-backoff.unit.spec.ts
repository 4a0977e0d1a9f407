import { conflictBackoffMs } from './conflict-backoff';

describe('conflictBackoffMs (exponential backoff, full jitter)', () => {
  const policy = (random: number) => ({ baseDelayMs: 5, maxDelayMs: 200, random: () => random });

  it('the cap doubles with each failed attempt up to maxDelayMs; the wait is the random fraction of the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => conflictBackoffMs(n, policy(0.5)))).toEqual([2.5, 5, 10, 20, 40, 80, 100, 100]);
  });
  it('a random source near 1 stays below the cap; 0 waits not at all', () => {
    expect(conflictBackoffMs(3, policy(0.999))).toBeLessThan(20);
    expect(conflictBackoffMs(3, policy(0))).toBe(0);
  });
});
