import { timerKindOrder, type AggregateRef, type Instant, type Timer } from '@planledger/domain';
import { PriorityQueue } from './priority-queue';
import type { PlannedAction } from './behaviour';

/** People act once the engine's timers of the same instant have fired (the clock stands there). */
const PEOPLE_RANK = timerKindOrder['phase-close'] + 1;

/** A timer waiting on the agenda; `withdrawn` once the workflow replaced it (checked when it comes up). */
export interface PendingTimer {
  timer: Timer;
  /** The timer's due time in epoch ms (parsed once), and the instant it may not take effect before. */
  dueMs: number;
  notBefore: Instant | undefined;
  withdrawn: boolean;
}

export type AgendaItem =
  | { kind: 'timer'; atMs: number; rank: number; seq: number; pending: PendingTimer }
  | { kind: 'action'; atMs: number; rank: number; seq: number; target: AggregateRef; action: PlannedAction; generation: number }
  | { kind: 'planner'; atMs: number; rank: number; seq: number; index: number };

/** The simulator's future: timers and people's planned actions, in business-time order. */
export class Agenda {
  private seq = 0;
  private readonly queue = new PriorityQueue<AgendaItem>(
    (a, b) => (a.atMs !== b.atMs ? a.atMs < b.atMs : a.rank !== b.rank ? a.rank < b.rank : a.seq < b.seq),
  );

  get size(): number {
    return this.queue.size;
  }

  addTimer(pending: PendingTimer, atMs: number): void {
    this.queue.push({ kind: 'timer', atMs, rank: timerKindOrder[pending.timer.kind], seq: this.seq++, pending });
  }

  addAction(target: AggregateRef, action: PlannedAction, generation: number): void {
    this.queue.push({ kind: 'action', atMs: action.atMs, rank: PEOPLE_RANK, seq: this.seq++, target, action, generation });
  }

  /** The planner's own steps (amendments, closing the plan), by their index in the simulation's list. */
  addPlannerStep(atMs: number, index: number): void {
    this.queue.push({ kind: 'planner', atMs, rank: PEOPLE_RANK, seq: this.seq++, index });
  }

  next(untilMs: number): AgendaItem | undefined {
    const top = this.queue.peek();
    if (!top || top.atMs > untilMs) return undefined;
    return this.queue.pop();
  }
}
