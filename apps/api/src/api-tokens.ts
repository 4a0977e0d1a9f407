/**
 * Tokens the api declares itself (the shared ones live in @planledger/runtime's tokens.ts).
 * The lead's main.ts provides them; the api treats them as optional so it also runs without.
 */

/**
 * The timers library's VirtualClockAdvancer, provided only under --virtual-clock.
 * See `VirtualClockAdvancer` below for the shape the api relies on.
 */
export const VIRTUAL_CLOCK_ADVANCER = Symbol('VirtualClockAdvancer');

export interface VirtualClockAdvancer {
  /** Fires, in order, every timer due up to `target`, then leaves business time at `target`. */
  advanceTo(target: Date): Promise<{ steps: number; fired: number }>;
  clock: { now(): Promise<Date> };
}
