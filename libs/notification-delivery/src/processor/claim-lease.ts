import type { OutboxStore } from '../outbox/outbox-store';

/**
 * A worker's hold on the rows it claimed, kept alive while the delivery is in flight (a heartbeat
 * every third of the lock) and fenced by the claim's token. The claim is *lost* when a renewal finds
 * the rows no longer held under the token (taken over, swept back) or when no renewal got through
 * before the claim could run out (the database too slow to answer): then `signal` aborts the send
 * in flight, and the holder writes nothing (the outbox refuses its token anyway).
 *
 * Time here is the process's own elapsed time, measured from before the claim's statement was sent:
 * the database's claimed_until is never earlier than that, so the lease never believes in a claim
 * that the database already considers free.
 */
export class ClaimLease {
  private readonly controller = new AbortController();
  private heldUntil: number;
  private readonly heartbeat: NodeJS.Timeout;
  private expiry: NodeJS.Timeout | undefined;
  private beating: Promise<boolean> | undefined;
  private reason: string | undefined;

  constructor(
    private readonly outbox: Pick<OutboxStore, 'renew'>,
    private readonly ids: readonly string[],
    private readonly token: string,
    private readonly lockMs: number,
    claimedAt: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.heldUntil = claimedAt + lockMs;
    this.heartbeat = setInterval(() => void this.renew(), Math.max(20, Math.floor(lockMs / 3)));
    this.heartbeat.unref();
    this.armExpiry();
  }

  /** Aborts when the claim is lost: pass it to the send. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get lost(): boolean {
    return this.reason !== undefined;
  }

  /** Why the claim was lost (for the log), or undefined while held. */
  get lostBecause(): string | undefined {
    return this.reason;
  }

  /**
   * Before a send: true when the claim holds for at least `ms` more (renewing first if it would not),
   * false when it is lost or cannot be renewed: then nothing may be sent.
   */
  async holdsFor(ms: number): Promise<boolean> {
    if (this.lost) return false;
    if (this.heldUntil - this.now() >= ms) return true;
    return (await this.renew()) && this.heldUntil - this.now() >= ms;
  }

  stop(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.expiry);
  }

  private renew(): Promise<boolean> {
    if (this.lost) return Promise.resolve(false);
    this.beating ??= (async () => {
      const started = this.now();
      try {
        const renewed = await this.outbox.renew(this.ids, this.token, this.lockMs);
        if (renewed < this.ids.length) this.lose(`the claim on ${this.ids.length - renewed} of ${this.ids.length} row(s) was taken over`);
        else if (!this.lost) {
          this.heldUntil = started + this.lockMs;
          this.armExpiry();
        }
      } catch {
        // The database did not answer: the claim holds until heldUntil; the expiry decides.
      }
      return !this.lost;
    })().finally(() => (this.beating = undefined));
    return this.beating;
  }

  /** Gives up a little before the claim could run out, so that nothing is sent after another worker may have taken it. */
  private armExpiry(): void {
    clearTimeout(this.expiry);
    const margin = Math.min(1000, this.lockMs / 10);
    this.expiry = setTimeout(() => this.lose(`no renewal got through within ${this.lockMs} ms`), Math.max(0, this.heldUntil - margin - this.now()));
    this.expiry.unref();
  }

  private lose(reason: string): void {
    if (this.lost) return;
    this.reason = reason;
    this.stop();
    this.controller.abort(new Error(`claim lost: ${reason}`));
  }
}
