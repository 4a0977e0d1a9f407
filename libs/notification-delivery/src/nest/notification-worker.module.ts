import { hostname } from 'node:os';
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE, REDIS_OPTIONS, SERVICE_CONFIG, STORE_ID, type ServiceConfig } from '@planledger/runtime';
import type { Worker } from 'bullmq';
import type { ChannelStore } from '../channels/channel-store';
import type { NotificationConfig } from '../config/notification-config';
import type { OutboxStore } from '../outbox/outbox-store';
import { DeliveryProcessor } from '../processor/delivery-processor';
import { NotificationQueue } from '../queue/notification-queue';
import { EndpointRateLimiter } from '../rate/endpoint-rate-limiter';
import { createSenders } from '../senders/senders';
import { OutboxSweep } from '../sweep/outbox-sweep';
import { createNotificationWorker } from '../worker/create-notification-worker';
import { NotificationStoresModule } from './notification-stores.module';
import { CHANNEL_STORE, NOTIFICATION_CONFIG, NOTIFICATION_QUEUE, OUTBOX_STORE } from './notification-tokens';

/** Real clock: rows due within this window become delayed jobs; later ones wait in the outbox. */
const HORIZON_MS = 10 * 60_000;

/**
 * The delivery worker of one process: a BullMQ worker on `<NOTIFY_QUEUE_NAME>-<store id>` and the
 * outbox sweep feeding it. Under the virtual clock (and the demo) nothing leaves the machine (only
 * endpoints on 127.0.0.1 receive); with NOTIFY_SEND=false nothing is sent at all: those rows are withheld, for the outbox viewer.
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private worker: Worker | undefined;
  private readonly sweep: OutboxSweep;
  private readonly processor: DeliveryProcessor;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(NOTIFICATION_CONFIG) private readonly notify: NotificationConfig,
    @Inject(EVENT_STORAGE) storage: EventStorage,
    @Inject(CLOCK) clock: Clock,
    @Inject(NOTIFICATION_QUEUE) private readonly queue: NotificationQueue,
    @Inject(CHANNEL_STORE) channels: ChannelStore,
    @Inject(OUTBOX_STORE) outbox: OutboxStore,
  ) {
    const send = !notify.NOTIFY_SEND ? 'none' : config.VIRTUAL_CLOCK ? 'loopback' : 'all';
    const lockMs = notify.NOTIFY_LOCK_SECONDS * 1000;
    this.processor = new DeliveryProcessor({
      outbox, channels, store: storage.store, clock, queue, send, lockMs, smtpUrl: notify.SMTP_URL,
      senders: createSenders({ smtpUrl: notify.SMTP_URL, smtpFrom: notify.SMTP_FROM }),
      limiter: new EndpointRateLimiter(queue.redis, queue.keyPrefix),
      workerId: `${hostname()}-${process.pid}`,
      maxAttempts: notify.NOTIFY_MAX_ATTEMPTS,
      backoffMs: notify.NOTIFY_BACKOFF_MS,
      publicUrl: notify.PUBLIC_URL,
    });
    this.sweep = new OutboxSweep({
      database: storage.database, queue, clock, virtual: config.VIRTUAL_CLOCK, horizonMs: HORIZON_MS,
      onError: (error) => this.logger.error({ err: error }, `outbox sweep failed, next try in ${notify.NOTIFY_SWEEP_MS} ms: ${(error as Error).message}`),
    });
    if (send !== 'all') this.logger.log(`notifications ${send === 'none' ? 'are all withheld (NOTIFY_SEND=false)' : 'leave only for endpoints on this machine (virtual clock)'}: see GET /admin/notifications/outbox`);
  }

  onApplicationBootstrap(): void {
    const lockMs = this.notify.NOTIFY_LOCK_SECONDS * 1000;
    this.worker = createNotificationWorker(this.queue, this.processor, { concurrency: this.notify.NOTIFY_CONCURRENCY, lockMs }, (error) =>
      this.logger.error({ err: error }, `notification worker: ${error.message}`));
    this.sweep.start(this.notify.NOTIFY_SWEEP_MS);
  }

  /** Sweeps at once: the virtual clock's advance calls it so that withheld rows appear without waiting a tick. */
  async sweepNow(): Promise<void> {
    await this.sweep.sweepOnce();
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweep.stop();
    await this.worker?.close();
    await this.queue.close();
  }
}

@Module({
  imports: [NotificationStoresModule],
  providers: [
    {
      provide: NOTIFICATION_QUEUE,
      inject: [NOTIFICATION_CONFIG, REDIS_OPTIONS, STORE_ID],
      useFactory: (notify: NotificationConfig, redis: { url: string }, storeId: string) => {
        const logger = new Logger('NotificationQueue');
        return new NotificationQueue(notify.NOTIFY_QUEUE_NAME, redis.url, storeId, (error) => logger.error({ err: error }, `notification queue: ${error.message}`));
      },
    },
    NotificationDelivery,
  ],
  exports: [NOTIFICATION_QUEUE, NotificationDelivery],
})
export class NotificationWorkerModule {}
