import { Worker, type Job } from 'bullmq';
import type { TimerProcessor } from '../processor/timer-processor';
import { runTimerJob } from '../queue/store-identity';
import type { RedisErrorListener, TimerJobData, TimerQueue } from '../queue/timer-queue';

/**
 * A bare BullMQ worker running the TimerProcessor on a TimerQueue's queue: for tests, the benchmark
 * and scripts. The service uses the Nest `TimerWorkerModule`, which builds the same thing through
 * @nestjs/bullmq. Jobs of another store are refused.
 */
export function createTimerWorker(
  queue: TimerQueue,
  processor: TimerProcessor,
  concurrency: number,
  onError: RedisErrorListener = (error) => console.error(`timer worker: ${error.message}`),
): Worker<TimerJobData> {
  const worker = new Worker<TimerJobData>(
    queue.name,
    (job: Job<TimerJobData>) => runTimerJob(job.data, queue.storeId, processor),
    { connection: { url: queue.redisUrl }, concurrency },
  );
  // Without a listener an 'error' (Redis gone, a lock lost) would be an uncaught exception.
  worker.on('error', onError);
  return worker;
}
