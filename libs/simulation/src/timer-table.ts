import { timerInScope, toMillis, type Instant, type Timer, type TimerScope } from '@planledger/domain';
import type { PendingTimer } from './agenda';

/** One target's timers: those pending (withdrawn ones dropped as new come) and the ids that fired. */
interface TargetTimers {
  pending: PendingTimer[];
  fired: string[];
}

/**
 * The simulator's timer store, as the service's timers table and timer_firings are: what is
 * pending and what has fired. Kept per target (an assignment's five timers, a phase's three):
 * a workflow output replaces one assignment's timers, so it touches one short list, never a
 * map of every timer of the plan.
 */
export class TimerTable {
  private readonly assignments = new Map<string, TargetTimers>();
  /** A phase's timers, by timer id (a handful per phase). */
  private readonly others = new Map<string, TargetTimers>();

  /**
   * Replaces the timers pending in `scope` by `timers` and hands each new one to `schedule`. As
   * the service does: a timer that fired never fires again, and a timer pending under the same
   * id stays (same id: same moment, same command) unless it issues work, which an amendment
   * may re-date.
   */
  set(scope: TimerScope, timers: Timer[], notBefore: Instant | undefined, schedule: (entry: PendingTimer) => void): void {
    if (scope.of === 'assignment') {
      const own = this.assignments.get(scope.assignmentId);
      if (own) for (const entry of own.pending) if (!entry.withdrawn && !hasId(timers, entry.timer.timerId)) entry.withdrawn = true;
    } else {
      const keep = new Set(timers.map((timer) => timer.timerId));
      for (const targets of [this.others, this.assignments]) {
        for (const own of targets.values()) {
          for (const entry of own.pending) if (!entry.withdrawn && timerInScope(entry.timer, scope) && !keep.has(entry.timer.timerId)) entry.withdrawn = true;
        }
      }
    }
    for (const timer of timers) {
      const own = this.targetOf(timer);
      if (own.fired.includes(timer.timerId)) continue;
      const existing = pendingWithId(own.pending, timer.timerId);
      if (existing && timer.kind !== 'assignment-issue') continue;
      if (existing) existing.withdrawn = true;
      const entry: PendingTimer = { timer, dueMs: toMillis(timer.dueAt), notBefore, withdrawn: false };
      let live = 0;
      for (const e of own.pending) if (!e.withdrawn) own.pending[live++] = e;
      own.pending.length = live;
      own.pending.push(entry);
      schedule(entry);
    }
  }

  /** The timer came up on the agenda and was not withdrawn: it is no longer pending, and never fires again. */
  fire(entry: PendingTimer): void {
    const own = this.targetOf(entry.timer);
    const index = own.pending.indexOf(entry);
    if (index >= 0) own.pending.splice(index, 1);
    own.fired.push(entry.timer.timerId);
  }

  private targetOf(timer: Timer): TargetTimers {
    const [targets, key] = timer.target.aggregate === 'assignment' ? [this.assignments, timer.target.assignmentId] : [this.others, timer.timerId];
    let own = targets.get(key);
    if (!own) {
      own = { pending: [], fired: [] };
      targets.set(key, own);
    }
    return own;
  }
}

const hasId = (timers: Timer[], timerId: string): boolean => {
  for (let i = 0; i < timers.length; i++) if (timers[i].timerId === timerId) return true;
  return false;
};

const pendingWithId = (pending: PendingTimer[], timerId: string): PendingTimer | undefined => {
  for (const entry of pending) if (!entry.withdrawn && entry.timer.timerId === timerId) return entry;
  return undefined;
};
