import { createHash, randomUUID } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { timerQueueName } from '@planledger/runtime';

export const TIMER_JOB_NAME = 'timer';

export interface TimerJobData {
  /** The timer (a bucket job: its first timer, for logs). */
  timerId: string;
  /** A bucket job: every timer it fires, all due at one instant (the virtual clock's groups). */
  timerIds?: string[];
  /** The store whose timer this is: a process of another store refuses the job (store-identity.ts). */
  storeId: string;
}

/** A job to add: `delayMs` from `timestamp` (the moment the delay was computed against). */
export interface TimerJobRequest {
  timerId: string;
  delayMs: number;
  timestamp: number;
}

/**
 * Completed jobs are removed so that a timer can be enqueued again under the same id (BullMQ
 * silently ignores an id it still holds); failed ones are kept (1000) for inspection. Five
 * attempts with exponential backoff ride out a database restart; a second delivery is harmless
 * because firing is idempotent by timer id.
 */
export const TIMER_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

/** addBulk is one round trip per call; past a few thousand jobs the Lua script blocks Redis too long. */
const BULK_SIZE = 1000;

/** Where a connection error of the queue goes; the service passes its logger. */
export type RedisErrorListener = (error: Error) => void;

/**
 * The BullMQ queue of due timers plus the Redis epoch: a random id stored with `SET NX` under the
 * queue's own prefix (`bull:<queue>:epoch`). A flushed or replaced Redis, or a wiped queue, has no
 * epoch; the next reader creates a new one, and every timer recorded under the old one counts as
 * not enqueued, so the sweep re-adds it.
 *
 * The queue's name is `<prefix>-<storeId>` (timerQueueName): one store's queue and keys, whatever
 * the prefix, so two installations on one Redis never share jobs.
 */
export class TimerQueue {
  readonly name: string;
  readonly queue: Queue<TimerJobData>;
  private readonly redis: Redis;
  readonly epochKey: string;

  constructor(
    prefix: string,
    readonly redisUrl: string,
    readonly storeId: string,
    onError: RedisErrorListener = (error) => console.error(`timer queue: ${error.message}`),
  ) {
    this.name = timerQueueName(prefix, storeId);
    this.queue = new Queue<TimerJobData>(this.name, { connection: { url: redisUrl } });
    // Without listeners an 'error' (Redis gone, connection reset) would be an uncaught exception.
    this.queue.on('error', onError);
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.redis.on('error', onError);
    this.epochKey = this.queue.toKey('epoch');
  }

  /** The epoch in force, creating one if Redis has none (first start, or data lost). */
  async currentEpoch(): Promise<string> {
    await this.redis.set(this.epochKey, randomUUID(), 'NX');
    const epoch = await this.redis.get(this.epochKey);
    // Only a delete racing between the two commands gets here; the next call settles it.
    if (epoch === null) throw new Error(`Redis epoch ${this.epochKey} vanished while being read`);
    return epoch;
  }

  async add(jobs: readonly TimerJobRequest[]): Promise<void> {
    for (let start = 0; start < jobs.length; start += BULK_SIZE) {
      await this.queue.addBulk(
        jobs.slice(start, start + BULK_SIZE).map((job) => ({
          name: TIMER_JOB_NAME,
          data: { timerId: job.timerId, storeId: this.storeId },
          opts: { ...TIMER_JOB_OPTIONS, jobId: job.timerId, delay: Math.max(0, job.delayMs), timestamp: job.timestamp },
        })),
      );
    }
  }

  /**
   * One job per bucket of timers due at one instant, with no delay: the worker fires a bucket in
   * a few round trips (TimerProcessor.processMany). The id is derived from the bucket's content,
   * so adding the same bucket twice while it waits adds it once.
   */
  async addBuckets(buckets: readonly (readonly string[])[], timestamp: number): Promise<void> {
    for (let start = 0; start < buckets.length; start += BULK_SIZE) {
      await this.queue.addBulk(
        buckets.slice(start, start + BULK_SIZE).map((timerIds) => ({
          name: TIMER_JOB_NAME,
          data: { timerId: timerIds[0], timerIds: [...timerIds], storeId: this.storeId },
          opts: { ...TIMER_JOB_OPTIONS, jobId: `bucket-${createHash('sha256').update(timerIds.join('\n')).digest('hex').slice(0, 32)}`, delay: 0, timestamp },
        })),
      );
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
