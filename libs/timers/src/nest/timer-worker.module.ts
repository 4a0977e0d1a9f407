import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, METRICS, REDIS_OPTIONS, SERVICE_CONFIG, STORE_ID, type ServiceConfig, type ServiceMetrics } from '@planledger/runtime';
import type { Clock, CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import type { TimerObserver } from '../processor/timer-observer';
import { TimerProcessor } from '../processor/timer-processor';
import { TimerQueue } from '../queue/timer-queue';
import { serviceMetricsObserver } from './service-metrics-observer';
import { TimerJobHost, timerJobHostProvider } from './timer-job.host';
import { TimerSweepScheduler } from './timer-sweep.scheduler';
import { ScheduledBulletinsScheduler } from './scheduled-bulletins.scheduler';
import { TIMER_OBSERVER, TIMER_PROCESSOR, TIMER_QUEUE } from './timer-tokens';

/**
 * The timer worker: a BullMQ worker (via @nestjs/bullmq) on `<QUEUE_NAME>-<store id>` with WORKER_CONCURRENCY,
 * and the sweep that feeds it from read_timers. Needs the global CoreModule's tokens.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [REDIS_OPTIONS],
      useFactory: (redis: { url: string }) => ({ connection: { url: redis.url } }),
    }),
    // Only registerQueue* bring in @nestjs/bullmq's explorer, which builds the workers of
    // @Processor classes. No queue is registered through it: its name would have to be known
    // when this file loads, and it comes from config and the store; TimerQueue is the producer instead.
    BullModule.registerQueue(),
  ],
  providers: [
    {
      provide: TIMER_QUEUE,
      inject: [SERVICE_CONFIG, REDIS_OPTIONS, STORE_ID],
      useFactory: (config: ServiceConfig, redis: { url: string }, storeId: string) => {
        const logger = new Logger('TimerQueue');
        return new TimerQueue(config.QUEUE_NAME, redis.url, storeId, (error) => logger.error({ err: error }, `timer queue: ${error.message}`));
      },
    },
    {
      provide: TIMER_OBSERVER,
      inject: [SERVICE_CONFIG, { token: METRICS, optional: true }],
      useFactory: (config: ServiceConfig, metrics: ServiceMetrics | undefined): TimerObserver => serviceMetricsObserver(metrics, !config.VIRTUAL_CLOCK),
    },
    {
      provide: TIMER_PROCESSOR,
      inject: [EVENT_STORAGE, COMMAND_EXECUTOR, CLOCK, TIMER_OBSERVER],
      useFactory: (storage: EventStorage, executor: CommandExecutor, clock: Clock, observer: TimerObserver) =>
        new TimerProcessor({ database: storage.database, executor, clock, observer }),
    },
    timerJobHostProvider,
    TimerSweepScheduler,
    ScheduledBulletinsScheduler,
  ],
  exports: [TIMER_QUEUE, TIMER_PROCESSOR, TIMER_OBSERVER, TimerJobHost],
})
export class TimerWorkerModule {}
