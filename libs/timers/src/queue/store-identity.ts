import { UnrecoverableError } from 'bullmq';
import type { TimerOutcome } from '../processor/timer-observer';
import type { TimerJobData } from './timer-queue';

/**
 * A job of another store: refused for good (no retry), neither fired nor recorded as withdrawn,
 * since its timer is another installation's and this store knows nothing of it. Queue names already
 * keep installations apart; this is the guard for what gets past them (a copy of a store, a job
 * added by hand).
 */
export class ForeignStoreJobError extends UnrecoverableError {
  constructor(readonly timerId: string, readonly jobStoreId: string | undefined, readonly ownStoreId: string) {
    super(`timer job ${timerId} belongs to store ${jobStoreId ?? '(none named)'}, not to this process's store ${ownStoreId}: refused`);
    this.name = 'ForeignStoreJobError';
  }
}

/** Throws ForeignStoreJobError unless the job names this process's store. */
export function refuseForeignJob(data: TimerJobData, ownStoreId: string): void {
  if (data.storeId !== ownStoreId) throw new ForeignStoreJobError(data.timerId, data.storeId, ownStoreId);
}

/** What a job asks of the processor: its bucket, or its one timer. */
export function runTimerJob(data: TimerJobData, ownStoreId: string, processor: { process(timerId: string): Promise<TimerOutcome>; processMany(timerIds: readonly string[]): Promise<TimerOutcome[]> }): Promise<string> {
  refuseForeignJob(data, ownStoreId);
  if (data.timerIds) return processor.processMany(data.timerIds).then((outcomes) => `${outcomes.length} fired`);
  return processor.process(data.timerId);
}
