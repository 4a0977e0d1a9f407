import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommandObserver } from '@planledger/engine';

/** The figures /metrics exposes (Prometheus), shared by api, worker and projections. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly commands = new Counter({ name: 'planledger_commands_total', help: 'Commands handled, by type and outcome', labelNames: ['type', 'outcome'], registers: [this.registry] });
  readonly conflicts = new Counter({ name: 'planledger_command_conflicts_total', help: 'Appends that met a concurrent writer and were retried', registers: [this.registry] });
  readonly timersScheduled = new Counter({ name: 'planledger_timers_scheduled_total', help: 'Timer jobs added to the queue', registers: [this.registry] });
  readonly timersFired = new Counter({ name: 'planledger_timers_fired_total', help: 'Timers fired, by kind and outcome', labelNames: ['kind', 'outcome'], registers: [this.registry] });
  readonly timerLag = new Histogram({
    name: 'planledger_timer_lag_seconds',
    help: 'Delay between a timer being due and its command being handled (real clock)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  readonly projectionEventsParked = new Counter({
    name: 'planledger_projection_events_parked_total',
    help: 'Events a projection could not apply and parked (a failed retry counts again), by projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionParkedOpen = new Gauge({
    name: 'planledger_projection_parked_events',
    help: 'Parked events still waiting for an operator (planledger projections skip|retry), by projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({ name: 'planledger_projection_lag_events', help: 'Events stored but not yet projected', labelNames: ['checkpoint'], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'planledger_process_' });
  }

  /** Plugged into the CommandExecutor so that every command is counted where it is handled. */
  commandObserver(): CommandObserver {
    return {
      commandHandled: (type, outcome) => this.commands.inc({ type, outcome }),
      conflictRetried: () => this.conflicts.inc(),
    };
  }
}
