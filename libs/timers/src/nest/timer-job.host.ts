import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type FactoryProvider, type OnModuleDestroy } from '@nestjs/common';
import type { ServiceConfig } from '@planledger/runtime';
import { SERVICE_CONFIG, STORE_ID, timerQueueName } from '@planledger/runtime';
import type { Job } from 'bullmq';
import type { TimerProcessor } from '../processor/timer-processor';
import { ForeignStoreJobError, runTimerJob } from '../queue/store-identity';
import type { TimerJobData } from '../queue/timer-queue';
import { TIMER_PROCESSOR } from './timer-tokens';

/** The @nestjs/bullmq worker host: each `timer` job is one TimerProcessor call; another store's job is refused. */
export class TimerJobHost extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger('TimerWorker');

  constructor(
    private readonly processor: TimerProcessor,
    private readonly storeId: string,
  ) {
    super();
  }

  async process(job: Job<TimerJobData>): Promise<string> {
    try {
      return await runTimerJob(job.data, this.storeId, this.processor);
    } catch (error) {
      if (error instanceof ForeignStoreJobError) this.logger.warn({ timerId: error.timerId, jobStoreId: error.jobStoreId, storeId: this.storeId }, error.message);
      throw error;
    }
  }

  /** A worker's connection errors (Redis gone, a lock lost): logged; unheard, they would end the process. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, `timer worker: ${error.message}`);
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
 * `@Processor(name)` reads its queue name when the class is declared, but the name (QUEUE_NAME and
 * the store's identity) is known only from the injected config and store. So the factory declares a subclass per application and decorates it
 * there, with the name, WORKER_CONCURRENCY and TIMER_LOCK_SECONDS from config; @nestjs/bullmq discovers factory-made
 * processors by their instance's constructor and builds the Worker (connection from
 * BullModule.forRootAsync) when the module initialises. One subclass per call: two apps in one
 * process (tests) never overwrite each other's metadata.
 */
export const timerJobHostProvider: FactoryProvider<TimerJobHost> = {
  provide: TimerJobHost,
  inject: [SERVICE_CONFIG, TIMER_PROCESSOR, STORE_ID],
  useFactory: (config: ServiceConfig, processor: TimerProcessor, storeId: string) => {
    class ConfiguredTimerJobHost extends TimerJobHost {}
    // A worker killed mid-job loses its lock after TIMER_LOCK_SECONDS; the stalled-job check
    // (same period) then hands the job to another worker.
    const lockMs = config.TIMER_LOCK_SECONDS * 1000;
    const queueName = timerQueueName(config.QUEUE_NAME, storeId);
    Processor({ name: queueName }, { concurrency: config.WORKER_CONCURRENCY, lockDuration: lockMs, stalledInterval: lockMs })(ConfiguredTimerJobHost);
    return new ConfiguredTimerJobHost(processor, storeId);
  },
};
