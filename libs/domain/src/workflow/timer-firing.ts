import { systemActor } from '../shared/actor';
import { toMillis, type Instant } from '../shared/time';
import type { Timer, TimerGivenCommand } from '../timers/timer';

/**
 * The business time a timer takes effect: its own due time, or the plan's publication when it
 * was due before (a plan published late catches up at once). Never the moment a job happens to run.
 */
export function timerFiresAtMs(dueAtMs: number, notBeforeMs: number | undefined): number {
  return notBeforeMs !== undefined && notBeforeMs > dueAtMs ? notBeforeMs : dueAtMs;
}

/** The command a timer gives, stamped with the system actor at the instant it takes effect. */
export function timerCommand(timer: Timer, notBefore: Instant | undefined): TimerGivenCommand {
  const at = notBefore !== undefined && toMillis(notBefore) > toMillis(timer.dueAt) ? notBefore : timer.dueAt;
  return { ...timer.command, metadata: { actor: systemActor, at } } as TimerGivenCommand;
}
