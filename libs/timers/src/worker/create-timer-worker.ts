import { Worker, type Job } from 'bullmq';
import type { TimerProcessor } from '../processor/timer-processor';
import type { TimerJobData } from '../queue/timer-queue';

/**
 * A bare BullMQ worker running the TimerProcessor: for tests, the benchmark and scripts. The
 * service uses the Nest `TimerWorkerModule`, which builds the same thing through @nestjs/bullmq.
 */
export function createTimerWorker(queueName: string, redisUrl: string, processor: TimerProcessor, concurrency: number): Worker<TimerJobData> {
  return new Worker<TimerJobData>(queueName, (job: Job<TimerJobData>) => processor.process(job.data.timerId), {
    connection: { url: redisUrl },
    concurrency,
  });
}
