import { timerKindOrder, type Actor, type AssignmentCommand, type PlanCommand, type Timer } from '@planledger/domain';
import { CommandExecutor, fireTimer, PlanReactor } from '@planledger/engine';
import { compareGlobalPositions, type EventStore, type SqlExecutor } from '@planledger/event-store';
import { waitUntilCaughtUp } from '../runner/catch-up';
import { ProjectionRunner } from '../runner/projection-runner';
import { storeHead } from '../runner/store-head';
import { PLAN_ID } from './small-plan';

const KIND_ORDER = `case t.kind ${Object.entries(timerKindOrder).map(([kind, order]) => `when '${kind}' then ${order}`).join(' ')} end`;

export const planner: Actor = { userId: 'u-planner', role: 'planner', departmentId: 'bureau' };
export const headOf = (departmentId: string): Actor => ({ userId: `${departmentId}-head`, role: 'department_head', departmentId });

/**
 * Plays the service in a test: commands through the real executor, the PlanReactor as a runner
 * reaction, and timers fired from read_timers in due order, as the worker and the virtual clock
 * advancer would (without BullMQ).
 */
export class PlanDriver {
  readonly executor: CommandExecutor;
  readonly runner: ProjectionRunner;

  constructor(readonly store: EventStore, readonly database: SqlExecutor, holderId = 'test-runner') {
    this.executor = new CommandExecutor(store);
    const reactor = new PlanReactor(this.executor);
    this.runner = new ProjectionRunner({
      store, database, holderId, pollIntervalMs: 20, batchSize: 50,
      reactions: [{ name: 'plan-reactor', handle: (event) => reactor.handle(event) }],
    });
  }

  async plan(command: PlanCommand['type'], data: Record<string, unknown>, at: string): Promise<void> {
    const result = await this.executor.execute({ aggregate: 'plan', planId: PLAN_ID }, { type: command, data: { planId: PLAN_ID, ...data }, metadata: { actor: planner, at } } as PlanCommand);
    if (!result.ok) throw new Error(result.error.message);
    await this.settle();
  }

  async assignment(type: AssignmentCommand['type'], assignmentId: string, actor: Actor, at: string, data: Record<string, unknown> = {}): Promise<void> {
    const command = { type, data: { assignmentId, ...data }, metadata: { actor, at } } as AssignmentCommand;
    const result = await this.executor.execute({ aggregate: 'assignment', planId: PLAN_ID, assignmentId }, command);
    if (!result.ok) throw new Error(result.error.message);
    await this.settle();
  }

  /** Fires every pending timer due up to `until`, earliest first, letting projections and reactions catch up after each. */
  async fireTimersUntil(until: string): Promise<string[]> {
    const fired: string[] = [];
    for (;;) {
      await this.settle();
      const [next] = await this.database.query<{ timer: string; not_before: string | null }>(
        `select t.timer::text as timer, to_char(t.not_before at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as not_before
         from read_timers t where t.due_at <= $1 and not exists (select 1 from timer_firings f where f.timer_id = t.timer_id)
         order by t.due_at, ${KIND_ORDER}, t.timer_id limit 1`,
        [until],
      );
      if (!next) return fired;
      const timer = JSON.parse(next.timer) as Timer;
      const result = await fireTimer(this.executor, timer, { notBefore: next.not_before ?? undefined });
      await this.database.query('insert into timer_firings (timer_id, fired_at, outcome) values ($1, $2, $3)', [timer.timerId, timer.dueAt, result.ok ? 'fired' : 'rejected']);
      fired.push(timer.timerId);
    }
  }

  /** Until the read models and reactions hold everything, including what the reactions appended meanwhile. */
  async settle(): Promise<void> {
    for (;;) {
      const before = await storeHead(this.database, this.store);
      this.runner.wake();
      await waitUntilCaughtUp(this.database, this.store, { timeoutMs: 10_000 });
      const after = await storeHead(this.database, this.store);
      if (!after || (before && compareGlobalPositions(before, after) === 0)) return;
    }
  }
}
