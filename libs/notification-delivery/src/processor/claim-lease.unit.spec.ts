import { ClaimLease } from './claim-lease';

/** The lease's own rules, with a stand-in for the outbox's renew statement (its SQL is covered by the int specs). */
describe('ClaimLease', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('given renewals that succeed, then the claim holds past its lock and the signal stays quiet', async () => {
    let renewals = 0;
    const lease = new ClaimLease({ renew: async (ids) => (renewals++, ids.length) }, ['r1'], 't', 300, performance.now());
    await wait(700);
    expect(lease.lost).toBe(false);
    expect(lease.signal.aborted).toBe(false);
    expect(renewals).toBeGreaterThanOrEqual(3);
    expect(await lease.holdsFor(150)).toBe(true);
    lease.stop();
  });

  it('given a renewal that finds the row under another token, then the claim is lost and the send aborted', async () => {
    const lease = new ClaimLease({ renew: async () => 0 }, ['r1'], 't', 300, performance.now());
    await wait(150);
    expect(lease.lost).toBe(true);
    expect(lease.signal.aborted).toBe(true);
    expect(lease.lostBecause).toMatch(/taken over/);
    expect(await lease.holdsFor(1)).toBe(false);
  });

  it('given a database that does not answer, then the claim is given up before it can run out', async () => {
    const started = performance.now();
    const lease = new ClaimLease({ renew: () => new Promise<number>(() => undefined) }, ['r1'], 't', 300, started);
    await new Promise<void>((resolve) => lease.signal.addEventListener('abort', () => resolve()));
    expect(performance.now() - started).toBeLessThan(300);
    expect(lease.lostBecause).toMatch(/no renewal got through/);
  });

  it('given too little time left before a send, then it renews first; a failed renewal forbids the send', async () => {
    let answer = 1;
    const lease = new ClaimLease({ renew: async () => answer }, ['r1'], 't', 10_000, performance.now() - 9_000);
    expect(await lease.holdsFor(5000)).toBe(true);
    answer = 0;
    expect(await lease.holdsFor(20_000)).toBe(false);
    expect(lease.lost).toBe(true);
    lease.stop();
  });
});
