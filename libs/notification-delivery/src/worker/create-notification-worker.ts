import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { DeliveryProcessor } from '../processor/delivery-processor';
import type { DeliveryJobData, NotificationQueue } from '../queue/notification-queue';

export class ForeignStoreDeliveryError extends UnrecoverableError {
  constructor(outboxId: string, jobStoreId: string | undefined, ownStoreId: string) {
    super(`delivery job ${outboxId} belongs to store ${jobStoreId ?? '(none named)'}, not to this process's store ${ownStoreId}: refused`);
    this.name = 'ForeignStoreDeliveryError';
  }
}

/** One job: the processor's outcome; a delay moves the job back to delayed (the endpoint's window, or its "too many"). */
export async function runDeliveryJob(job: Job<DeliveryJobData>, token: string | undefined, processor: DeliveryProcessor, storeId: string): Promise<string> {
  if (job.data.storeId !== storeId) throw new ForeignStoreDeliveryError(job.data.outboxId, job.data.storeId, storeId);
  const outcome = await processor.process(job.data.outboxId);
  if (outcome.kind === 'delay') {
    await job.moveToDelayed(Date.now() + outcome.ms, token);
    throw new DelayedError();
  }
  return outcome.kind;
}

/** A bare BullMQ worker on the notification queue (tests, the benchmark); the service uses the Nest module. */
export function createNotificationWorker(queue: NotificationQueue, processor: DeliveryProcessor, options: { concurrency: number; lockMs: number }, onError: (error: Error) => void = (error) => console.error(`notification worker: ${error.message}`)): Worker<DeliveryJobData> {
  const worker = new Worker<DeliveryJobData>(queue.name, (job, token) => runDeliveryJob(job, token, processor, queue.storeId), {
    connection: { url: queue.redisUrl },
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
  });
  worker.on('error', onError);
  return worker;
}
