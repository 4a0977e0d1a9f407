/**
 * Business time. The system clock in production; a virtual clock (stored with the data, so every
 * process of a cluster agrees) when the service runs with --virtual-clock. Async because reading
 * the virtual clock is a query.
 */
export interface Clock {
  now(): Promise<Date>;
}

export const systemClock: Clock = { now: async () => new Date() };
