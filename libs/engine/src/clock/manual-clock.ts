import type { Clock } from './clock';

/** Business time that stands still until set (tests, benchmarks); like the virtual clock, never goes back. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  async now(): Promise<Date> {
    return this.current;
  }

  async set(to: Date): Promise<Date> {
    if (to > this.current) this.current = to;
    return this.current;
  }
}
