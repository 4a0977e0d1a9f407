import { Global, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import type { EventStorage } from '@planledger/event-store';
import { waitUntilCaughtUp } from '@planledger/projections';
import { EVENT_STORAGE, METRICS, REDIS_OPTIONS, SERVICE_CONFIG, STORE_ID, VIRTUAL_CLOCK, type ServiceConfig, type ServiceMetrics, type VirtualClock } from '@planledger/runtime';
import { TimerQueue, VirtualClockAdvancer } from '@planledger/timers';
import { VIRTUAL_CLOCK_ADVANCER } from '../api-tokens';

/** The advancer's own queue handle (an api process may run without the worker role). */
@Injectable()
class AdvancerQueue implements OnModuleDestroy {
  queue?: TimerQueue;
  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}

/**
 * POST /admin/clock under --virtual-clock: moves business time through every due timer, in
 * order, with whichever workers of the cluster are running. Absent with the real clock.
 */
@Global()
@Module({
  providers: [
    AdvancerQueue,
    {
      provide: VIRTUAL_CLOCK_ADVANCER,
      inject: [SERVICE_CONFIG, REDIS_OPTIONS, EVENT_STORAGE, STORE_ID, VIRTUAL_CLOCK, METRICS, AdvancerQueue],
      useFactory: (config: ServiceConfig, redis: { url: string }, storage: EventStorage, storeId: string, clock: VirtualClock | undefined, metrics: ServiceMetrics, holder: AdvancerQueue) => {
        if (!clock) return undefined;
        const logger = new Logger('ClockAdvancer');
        holder.queue = new TimerQueue(config.QUEUE_NAME, redis.url, storeId, (error) => logger.error({ err: error }, `timer queue: ${error.message}`));
        return new VirtualClockAdvancer({
          database: storage.database,
          queue: holder.queue,
          clock,
          waitUntilCaughtUp: () => waitUntilCaughtUp(storage.database, storage.store, { timeoutMs: 120_000, pollMs: 5 }),
          observer: { onScheduled: (count) => metrics.timersScheduled.inc(count) },
          groupTimeoutMs: Math.max(120_000, config.TIMER_LOCK_SECONDS * 3_000),
          bucketSize: config.TIMER_BUCKET_SIZE,
        });
      },
    },
  ],
  exports: [VIRTUAL_CLOCK_ADVANCER],
})
export class ClockAdvancerModule {}
