import type { ServiceMetrics } from '@planledger/runtime';
import type { TimerObserver } from '../processor/timer-observer';

/**
 * Feeds the runtime's Prometheus figures. Lag is observed only with the real clock: with the
 * virtual one, business time jumps and "late" means nothing.
 */
export function serviceMetricsObserver(metrics: ServiceMetrics | undefined, observeLag: boolean): TimerObserver {
  if (!metrics) return {};
  return {
    onScheduled: (count) => metrics.timersScheduled.inc(count),
    onFired: (timer, lagMs, outcome) => {
      metrics.timersFired.inc({ kind: 'kind' in timer ? timer.kind : 'unknown', outcome });
      if (observeLag && lagMs !== undefined) metrics.timerLag.observe(Math.max(0, lagMs) / 1000);
    },
  };
}
