import type { Timer } from '@planledger/domain';

/** What became of a delivered timer job (stored in timer_firings.outcome). */
export type TimerOutcome = 'accepted' | 'nothing_to_do' | 'rejected' | 'withdrawn';
export const TIMER_OUTCOMES: readonly TimerOutcome[] = ['accepted', 'nothing_to_do', 'rejected', 'withdrawn'];

/**
 * Hooks for metrics. `onFired` gets the lag from the moment the timer was due (or its plan's
 * publication, if later) to its command being handled, in ms by the service clock — feed it to a
 * histogram. A withdrawn timer has no row left: only its id, and no lag.
 */
export interface TimerObserver {
  onScheduled?(count: number): void;
  onFired?(timer: Timer | { timerId: string }, lagMs: number | undefined, outcome: TimerOutcome): void;
}

/** Plain counters, for tests, the benchmark and logs. */
export class TimerCounters implements TimerObserver {
  scheduled = 0;
  readonly fired: Record<TimerOutcome, number> = { accepted: 0, nothing_to_do: 0, rejected: 0, withdrawn: 0 };
  readonly lagsMs: number[] = [];

  onScheduled(count: number): void {
    this.scheduled += count;
  }

  onFired(_timer: Timer | { timerId: string }, lagMs: number | undefined, outcome: TimerOutcome): void {
    this.fired[outcome]++;
    if (lagMs !== undefined) this.lagsMs.push(lagMs);
  }

  get firedTotal(): number {
    return TIMER_OUTCOMES.reduce((sum, outcome) => sum + this.fired[outcome], 0);
  }
}

/** Calls every observer given (e.g. Prometheus and a test's counters). */
export function combineObservers(...observers: (TimerObserver | undefined)[]): TimerObserver {
  const present = observers.filter((o): o is TimerObserver => o !== undefined);
  return {
    onScheduled: (count) => present.forEach((o) => o.onScheduled?.(count)),
    onFired: (timer, lagMs, outcome) => present.forEach((o) => o.onFired?.(timer, lagMs, outcome)),
  };
}
