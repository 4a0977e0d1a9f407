import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { FactoryProvider, OnModuleDestroy } from '@nestjs/common';
import type { ServiceConfig } from '@planledger/runtime';
import { SERVICE_CONFIG } from '@planledger/runtime';
import type { Job } from 'bullmq';
import type { TimerProcessor } from '../processor/timer-processor';
import type { TimerJobData } from '../queue/timer-queue';
import { TIMER_PROCESSOR } from './timer-tokens';

/** The @nestjs/bullmq worker host: each `timer` job is one TimerProcessor call. */
export class TimerJobHost extends WorkerHost implements OnModuleDestroy {
  constructor(private readonly processor: TimerProcessor) {
    super();
  }

  process(job: Job<TimerJobData>): Promise<string> {
    return this.processor.process(job.data.timerId);
  }

  /**
   * Graceful shutdown: waits for running jobs before the database closes (CoreModule closes it
   * on application shutdown, which comes after every module's destroy hook; @nestjs/bullmq's own
   * close runs in that later phase too, too late to protect the jobs' queries).
   */
  async onModuleDestroy(): Promise<void> {
    let worker;
    try {
      worker = this.worker;
    } catch {
      return; // never registered (the app failed during start-up)
    }
    await worker.close();
  }
}

/**
 * `@Processor(name)` reads its queue name when the class is declared, but QUEUE_NAME is known only
 * from the injected config. So the factory declares a subclass per application and decorates it
 * there, with the name, WORKER_CONCURRENCY and TIMER_LOCK_SECONDS from config; @nestjs/bullmq discovers factory-made
 * processors by their instance's constructor and builds the Worker (connection from
 * BullModule.forRootAsync) when the module initialises. One subclass per call: two apps in one
 * process (tests) never overwrite each other's metadata.
 */
export const timerJobHostProvider: FactoryProvider<TimerJobHost> = {
  provide: TimerJobHost,
  inject: [SERVICE_CONFIG, TIMER_PROCESSOR],
  useFactory: (config: ServiceConfig, processor: TimerProcessor) => {
    class ConfiguredTimerJobHost extends TimerJobHost {}
    // A worker killed mid-job loses its lock after TIMER_LOCK_SECONDS; the stalled-job check
    // (same period) then hands the job to another worker.
    const lockMs = config.TIMER_LOCK_SECONDS * 1000;
    Processor({ name: config.QUEUE_NAME }, { concurrency: config.WORKER_CONCURRENCY, lockDuration: lockMs, stalledInterval: lockMs })(ConfiguredTimerJobHost);
    return new ConfiguredTimerJobHost(processor);
  },
};
