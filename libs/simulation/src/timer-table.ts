import { timerInScope, toMillis, type Instant, type Timer, type TimerScope } from '@planledger/domain';
import type { PendingTimer } from './agenda';
import { RecentMap } from './recent-map';

/** One target's timers: those pending (withdrawn ones dropped) and the ids that fired. */
type TargetTimers = PendingTimer['owner'];

/**
 * The simulator's timer store, as the service's timers table and timer_firings are: what is
 * pending and what has fired. Kept per target (an assignment's five timers, a phase's three):
 * a workflow output replaces one assignment's timers, so it touches one short list, never a
 * map of every timer of the plan.
 */
export class TimerTable {
  private readonly assignments = new RecentMap<TargetTimers>();
  /** A phase's timers, by timer id (a handful per phase). */
  private readonly others = new RecentMap<TargetTimers>();

  /** Replaces the timers pending in `scope` by `timers` and hands each new one to `schedule` (see `add`). */
  set(scope: TimerScope, timers: Timer[], notBefore: Instant | undefined, schedule: (entry: PendingTimer, timer: Timer) => void): void {
    if (scope.of === 'assignment') {
      // The hot path (after nearly every assignment event): one target, looked up once.
      const own = this.assignments.get(scope.assignmentId);
      if (own) withdrawAllBut(own, timers);
      if (timers.length === 0) return;
      for (const timer of timers) this.add(timer.target.aggregate === 'assignment' && timer.target.assignmentId === scope.assignmentId ? (own ?? this.targetOf(timer)) : this.targetOf(timer), timer, notBefore, schedule);
      return;
    }
    const keep = new Set(timers.map((timer) => timer.timerId));
    for (const targets of [this.others, this.assignments]) {
      for (const own of targets.values()) {
        for (const entry of own.pending) if (entry.timer && timerInScope(entry.timer, scope) && !keep.has(entry.timer.timerId)) entry.timer = undefined;
      }
    }
    for (const timer of timers) this.add(this.targetOf(timer), timer, notBefore, schedule);
  }

  /** The timer came up on the agenda and was not withdrawn: it is no longer pending, and never fires again. */
  fire(entry: PendingTimer, timer: Timer): void {
    const own = entry.owner;
    const index = own.pending.indexOf(entry);
    if (index >= 0) own.pending.splice(index, 1);
    own.fired.push(timer.timerId);
  }

  /**
   * As the service does: a timer that fired never fires again, and a timer pending under the same
   * id stays (same id: same moment, same command) unless it issues work, which an amendment may re-date.
   */
  private add(own: TargetTimers, timer: Timer, notBefore: Instant | undefined, schedule: (entry: PendingTimer, timer: Timer) => void): void {
    if (own.fired.length > 0 && own.fired.includes(timer.timerId)) return;
    const existing = pendingWithId(own.pending, timer.timerId);
    if (existing && timer.kind !== 'assignment-issue') return;
    if (existing) existing.timer = undefined;
    const entry: PendingTimer = { kind: 'timer', atMs: 0, rank: 0, timer, dueMs: toMillis(timer.dueAt), notBefore, owner: own };
    dropWithdrawn(own);
    own.pending.push(entry);
    schedule(entry, timer);
  }

  private targetOf(timer: Timer): TargetTimers {
    const { target } = timer;
    const targets = target.aggregate === 'assignment' ? this.assignments : this.others;
    const key = target.aggregate === 'assignment' ? target.assignmentId : timer.timerId;
    let own = targets.get(key);
    if (!own) {
      own = { pending: [], fired: [] };
      targets.set(key, own);
    }
    return own;
  }
}

/** Withdraws the target's pending timers that `timers` does not name again, and lets them go. */
function withdrawAllBut(own: TargetTimers, timers: Timer[]): void {
  let withdrew = false;
  for (const entry of own.pending) {
    if (entry.timer && !hasId(timers, entry.timer.timerId)) {
      entry.timer = undefined;
      withdrew = true;
    }
  }
  if (withdrew) dropWithdrawn(own);
}

/** Withdrawn timers wait on the agenda until their time; the table forgets them at once. */
function dropWithdrawn(own: TargetTimers): void {
  let live = 0;
  for (const e of own.pending) if (e.timer) own.pending[live++] = e;
  own.pending.length = live;
}

const hasId = (timers: Timer[], timerId: string): boolean => {
  for (let i = 0; i < timers.length; i++) if (timers[i].timerId === timerId) return true;
  return false;
};

const pendingWithId = (pending: PendingTimer[], timerId: string): PendingTimer | undefined => {
  for (const entry of pending) if (entry.timer && entry.timer.timerId === timerId) return entry;
  return undefined;
};
