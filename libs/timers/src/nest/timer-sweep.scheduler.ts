import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';
import type { TimerObserver } from '../processor/timer-observer';
import type { TimerQueue } from '../queue/timer-queue';
import { TimerSweep } from '../sweep/timer-sweep';
import { TIMER_OBSERVER, TIMER_QUEUE } from './timer-tokens';

/** Runs the sweep from the moment the application is up until it shuts down. */
@Injectable()
export class TimerSweepScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerSweep');
  private readonly sweep: TimerSweep;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORAGE) storage: EventStorage,
    @Inject(CLOCK) clock: Clock,
    @Inject(TIMER_QUEUE) private readonly queue: TimerQueue,
    @Inject(TIMER_OBSERVER) observer: TimerObserver,
  ) {
    this.sweep = new TimerSweep({
      database: storage.database,
      queue,
      clock,
      virtual: config.VIRTUAL_CLOCK,
      horizonMs: config.TIMER_HORIZON_HOURS * 3_600_000,
      observer,
      onError: (error) => this.logger.error({ err: error }, `sweep failed, next try in ${config.TIMER_SWEEP_SECONDS} s: ${(error as Error).message}`),
    });
  }

  /** The tables exist before Nest starts (runService migrates), so the sweep starts at once. */
  onApplicationBootstrap(): void {
    this.sweep.start(this.config.TIMER_SWEEP_SECONDS * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep.stop();
    await this.queue.close();
  }
}
