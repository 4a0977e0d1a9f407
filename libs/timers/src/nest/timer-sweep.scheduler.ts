import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@planledger/engine';
import type { EventStorage, SqlQueryable } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import type { TimerObserver } from '../processor/timer-observer';
import type { TimerQueue } from '../queue/timer-queue';
import { TimerSweep } from '../sweep/timer-sweep';
import { TIMER_OBSERVER, TIMER_QUEUE } from './timer-tokens';

const TABLE_POLL_MS = 100;

/** Runs the sweep from the moment the application is up until it shuts down. */
@Injectable()
export class TimerSweepScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerSweep');
  private readonly sweep: TimerSweep;
  private readonly database: SqlQueryable;
  private starting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORAGE) storage: EventStorage,
    @Inject(CLOCK) clock: Clock,
    @Inject(TIMER_QUEUE) private readonly queue: TimerQueue,
    @Inject(TIMER_OBSERVER) observer: TimerObserver,
  ) {
    this.database = storage.database;
    this.sweep = new TimerSweep({
      database: storage.database,
      queue,
      clock,
      virtual: config.VIRTUAL_CLOCK,
      horizonMs: config.TIMER_HORIZON_HOURS * 3_600_000,
      observer,
      onError: (error) => this.logger.error(`sweep failed, next try in ${config.TIMER_SWEEP_SECONDS} s: ${(error as Error).message}`),
    });
  }

  /**
   * read_timers comes from the projections' migrations, which run in their own bootstrap hook,
   * maybe after this one: wait for the table in the background (blocking here could hold up the
   * very hook that creates it), then sweep.
   */
  onApplicationBootstrap(): void {
    this.starting = this.startWhenTablesExist();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.sweep.stop();
    await this.queue.close();
  }

  private async startWhenTablesExist(): Promise<void> {
    for (let waited = 0; !this.stopped; waited += TABLE_POLL_MS) {
      const [row] = await this.database.query<{ ready: boolean }>(
        "select to_regclass('read_timers') is not null and to_regclass('timer_firings') is not null as ready",
      ).catch(() => [{ ready: false }]);
      if (row?.ready) {
        this.sweep.start(this.config.TIMER_SWEEP_SECONDS * 1000);
        return;
      }
      if (waited % 10_000 === 0 && waited > 0) this.logger.warn(`waiting for read_timers (projections' migrations) for ${waited / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, TABLE_POLL_MS));
    }
  }
}
