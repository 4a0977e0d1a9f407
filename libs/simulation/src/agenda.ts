import { timerKindOrder, type AggregateRef, type Timer } from '@planledger/domain';
import { PriorityQueue } from './priority-queue';
import type { PlannedAction } from './behaviour';

/** People act right after the engine's timers of the same instant that issue their work. */
const ACTION_RANK = timerKindOrder['assignment-issue'] + 0.5;
const PLAN_CLOSE_RANK = timerKindOrder['phase-close'] + 1;

export type AgendaItem =
  | { kind: 'timer'; atMs: number; rank: number; seq: number; timer: Timer }
  | { kind: 'action'; atMs: number; rank: number; seq: number; target: AggregateRef; action: PlannedAction }
  | { kind: 'close-plan'; atMs: number; rank: number; seq: number };

/** The simulator's future: timers and people's planned actions, in business-time order. */
export class Agenda {
  private seq = 0;
  private readonly queue = new PriorityQueue<AgendaItem>(
    (a, b) => (a.atMs !== b.atMs ? a.atMs < b.atMs : a.rank !== b.rank ? a.rank < b.rank : a.seq < b.seq),
  );

  get size(): number {
    return this.queue.size;
  }

  addTimer(timer: Timer): void {
    this.queue.push({ kind: 'timer', atMs: Date.parse(timer.dueAt), rank: timerKindOrder[timer.kind], seq: this.seq++, timer });
  }

  addAction(target: AggregateRef, action: PlannedAction): void {
    this.queue.push({ kind: 'action', atMs: Date.parse(action.at), rank: ACTION_RANK, seq: this.seq++, target, action });
  }

  addPlanClose(atMs: number): void {
    this.queue.push({ kind: 'close-plan', atMs, rank: PLAN_CLOSE_RANK, seq: this.seq++ });
  }

  next(untilMs: number): AgendaItem | undefined {
    const top = this.queue.peek();
    if (!top || top.atMs > untilMs) return undefined;
    return this.queue.pop();
  }
}
