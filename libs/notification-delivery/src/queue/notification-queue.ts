import { randomUUID } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { timerQueueName } from '@planledger/runtime';

export const DELIVERY_JOB_NAME = 'deliver';

export interface DeliveryJobData {
  outboxId: string;
  /** The store whose outbox row this is: another store's worker refuses the job. */
  storeId: string;
}

export interface DeliveryJobRequest {
  outboxId: string;
  /** The row's attempts when enqueued: a retry is a new job id (BullMQ ignores an id it still holds). */
  attempt: number;
  delayMs: number;
}

/**
 * Retries are the outbox's business (due_at, attempts, dead-letter), not BullMQ's: a job runs once
 * and schedules the next attempt in the row. Completed jobs are removed; failed ones (a database
 * outage mid-job) retry a few times with backoff, and the sweep re-adds anything left behind.
 */
export const DELIVERY_JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 1000 } };

/**
 * The job of one attempt at one row, in one Redis epoch. The epoch is part of the id because a
 * worker may still be running a job of the old epoch when Redis is lost and the sweep adds the row
 * again: under the same id, that worker's stale finish (failed, delayed) would land on the new job
 * and leave the row waiting with no job, recorded as enqueued (seen in exactly-once.int.spec.ts).
 */
export const deliveryJobId = (outboxId: string, attempt: number, epoch: string): string => `${outboxId}-${attempt}-${epoch.slice(0, 8)}`;

/**
 * The BullMQ queue `<NOTIFY_QUEUE_NAME>-<store id>` and its Redis epoch (as the timers' queue): a
 * flushed Redis has no epoch, so every row recorded as enqueued under the old one is added again.
 */
export class NotificationQueue {
  readonly name: string;
  readonly queue: Queue<DeliveryJobData>;
  readonly redis: Redis;
  readonly epochKey: string;

  constructor(prefix: string, readonly redisUrl: string, readonly storeId: string, onError: (error: Error) => void = (error) => console.error(`notification queue: ${error.message}`)) {
    this.name = timerQueueName(prefix, storeId);
    this.queue = new Queue<DeliveryJobData>(this.name, { connection: { url: redisUrl } });
    this.queue.on('error', onError);
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.redis.on('error', onError);
    this.epochKey = this.queue.toKey('epoch');
  }

  /** Where this queue's own keys live (rate windows, blocks): `bull:<name>`. */
  get keyPrefix(): string {
    return this.queue.toKey('').replace(/:$/, '');
  }

  async currentEpoch(): Promise<string> {
    await this.redis.set(this.epochKey, randomUUID(), 'NX');
    const epoch = await this.redis.get(this.epochKey);
    if (epoch === null) throw new Error(`Redis epoch ${this.epochKey} vanished while being read`);
    return epoch;
  }

  /** Adds jobs under the given epoch (the one the sweep records on the rows), else the current one. */
  async add(jobs: readonly DeliveryJobRequest[], epoch?: string): Promise<void> {
    const under = epoch ?? (await this.currentEpoch());
    for (let start = 0; start < jobs.length; start += 1000) {
      await this.queue.addBulk(jobs.slice(start, start + 1000).map((job) => ({
        name: DELIVERY_JOB_NAME,
        data: { outboxId: job.outboxId, storeId: this.storeId },
        opts: { ...DELIVERY_JOB_OPTIONS, jobId: deliveryJobId(job.outboxId, job.attempt, under), delay: Math.max(0, job.delayMs) },
      })));
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
