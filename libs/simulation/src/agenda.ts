import { timerKindOrder, type AggregateRef, type Instant, type Timer } from '@planledger/domain';
import { PriorityQueue } from './priority-queue';
import type { PlannedAction } from './behaviour';

/** People act once the engine's timers of the same instant have fired (the clock stands there). */
const PEOPLE_RANK = Math.max(...Object.values(timerKindOrder)) + 1;
const RANKS = PEOPLE_RANK + 1;

/**
 * A timer waiting on the agenda, itself the agenda's item (one object per timer, not two: a plan
 * sets hundreds of thousands). `timer` is undefined once the workflow withdrew it: the entry
 * still waits for its time on the agenda (taken out then, unfired), but holds nothing meanwhile.
 */
export interface PendingTimer {
  kind: 'timer';
  /** When it takes effect (the domain's timerFiresAtMs) and its kind's rank: set as it is added. */
  atMs: number;
  rank: number;
  timer: Timer | undefined;
  /** The timer's due time in epoch ms (parsed once), and the instant it may not take effect before. */
  dueMs: number;
  notBefore: Instant | undefined;
  /** The timer table's list it is pending in (so that firing it looks nothing up). */
  owner: { pending: PendingTimer[]; fired: string[] };
}

/** Per assignment: bumped when its department plans again, so actions of an older plan are dropped (undefined: never planned). */
export interface ActionGeneration {
  current: number | undefined;
}

export type AgendaItem =
  | PendingTimer
  | { kind: 'action'; atMs: number; rank: number; target: AggregateRef; action: PlannedAction; generation: number; of: ActionGeneration }
  | { kind: 'planner'; atMs: number; rank: number; index: number };

/** Everything due at one instant: a first-in-first-out queue per rank. */
interface Bucket {
  ranks: (AgendaItem | undefined)[][];
  heads: number[];
  size: number;
}

/**
 * The simulator's future: timers and people's planned actions, in business-time order; at one
 * instant by rank (the timer kinds' order, people last), then in the order they were added.
 *
 * A plan's million moments fall on a few hundred instants (every school shares its measure's
 * dates), so items wait in one bucket per instant and only the instants are kept in a heap:
 * adding and taking an item is a map lookup and an array step, not a climb through a heap of
 * hundreds of thousands. The order is exactly a heap's on (instant, rank, order added).
 */
export class Agenda {
  private readonly instants = new PriorityQueue<number>((a, b) => a < b);
  private readonly buckets = new Map<number, Bucket>();
  private count = 0;
  private added = 0;
  private opened = 0;

  get size(): number {
    return this.count;
  }

  /** Items ever added, and instants ever opened (for the benchmark's ceiling). */
  get traffic(): { items: number; instants: number } {
    return { items: this.added, instants: this.opened };
  }

  addTimer(pending: PendingTimer, timer: Timer, atMs: number): void {
    pending.atMs = atMs;
    pending.rank = timerKindOrder[timer.kind];
    this.push(pending);
  }

  /** An action of the assignment's plan `generation`; `of` tells, when it comes up, whether that plan still holds. */
  addAction(target: AggregateRef, action: PlannedAction, of: ActionGeneration, generation: number): void {
    this.push({ kind: 'action', atMs: action.atMs, rank: PEOPLE_RANK, target, action, generation, of });
  }

  /** The planner's own steps (amendments, closing the plan), by their index in the simulation's list. */
  addPlannerStep(atMs: number, index: number): void {
    this.push({ kind: 'planner', atMs, rank: PEOPLE_RANK, index });
  }

  next(untilMs: number): AgendaItem | undefined {
    const atMs = this.instants.peek();
    if (atMs === undefined || atMs > untilMs) return undefined;
    const bucket = this.buckets.get(atMs)!;
    for (let rank = 0; rank < RANKS; rank++) {
      const queue = bucket.ranks[rank];
      const head = bucket.heads[rank];
      if (head >= queue.length) continue;
      const item = queue[head]!;
      queue[head] = undefined; // taken: let it go
      bucket.heads[rank] = head + 1;
      if (--bucket.size === 0) {
        this.buckets.delete(atMs);
        this.instants.pop();
      }
      this.count--;
      return item;
    }
    throw new Error(`agenda bucket at ${new Date(atMs).toISOString()} counts items it does not hold`);
  }

  private push(item: AgendaItem): void {
    let bucket = this.buckets.get(item.atMs);
    if (!bucket) {
      bucket = { ranks: Array.from({ length: RANKS }, () => []), heads: new Array<number>(RANKS).fill(0), size: 0 };
      this.buckets.set(item.atMs, bucket);
      this.instants.push(item.atMs);
      this.opened++;
    }
    bucket.ranks[item.rank].push(item);
    bucket.size++;
    this.count++;
    this.added++;
  }
}
