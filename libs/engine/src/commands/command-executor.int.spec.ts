import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { EventStore } from '@planledger/event-store';
import { DUE_AT, ISSUE_AT, PLAN_ID, meta, obligation, timer } from '@planledger/domain/testing';
import { timersForAssignment } from '@planledger/domain';
import { AggregateMismatchError, CommandExecutor, ConflictPersistsError } from './command-executor';
import type { AggregateRef } from '@planledger/domain';
import type { EngineCommand } from './aggregates';
import { fireTimer } from '../timers/fire-timer';

describe('CommandExecutor on a real (PGlite) store', () => {
  let store: EventStore;
  let executor: CommandExecutor;
  const o = obligation();
  const target = { aggregate: 'assignment' as const, planId: PLAN_ID, assignmentId: o.assignmentId };
  const issue = { type: 'IssueAssignment' as const, data: { planId: PLAN_ID, obligation: o }, metadata: meta(ISSUE_AT, timer) };
  const count = async () => {
    let n = 0;
    for await (const _ of store.readStream(`assignment-${PLAN_ID}.${o.assignmentId}`)) n++;
    return n;
  };

  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
  });
  afterEach(() => store.close());

  it('given nothing, when the assignment is issued, then one event is stored with actor and business time', async () => {
    const result = await executor.execute(target, issue);
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['AssignmentIssued']);
    const stored = [];
    for await (const event of store.readStream(`assignment-${PLAN_ID}.${o.assignmentId}`)) stored.push(event);
    expect(stored).toHaveLength(1);
    expect(stored[0].metadata).toEqual(expect.objectContaining({ actor: timer, businessTime: ISSUE_AT }));
  });

  it('given an issued assignment, when a person acts on it, then the decision sees the stored state', async () => {
    await executor.execute(target, issue);
    const submitted = await executor.execute(target, { type: 'SubmitAssignment', data: { assignmentId: o.assignmentId, note: 'done' }, metadata: meta(ISSUE_AT) });
    expect(submitted.ok).toBe(true);
    const again = await executor.execute(target, { type: 'SubmitAssignment', data: { assignmentId: o.assignmentId, note: 'done' }, metadata: meta(ISSUE_AT) });
    expect(again).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_transition', status: 'submitted' }) }));
  });

  it('a timer fired twice, even concurrently, stores its event once', async () => {
    await executor.execute(target, issue);
    const { state } = await executor.load(target);
    const overdue = timersForAssignment(state).find((t) => t.kind === 'overdue')!;
    expect(overdue.dueAt).toBe(DUE_AT);
    const results = await Promise.all([fireTimer(executor, overdue), fireTimer(executor, overdue), fireTimer(new CommandExecutor(store), overdue)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await count()).toBe(2);
  });

  it('concurrent commands on one stream are retried, not lost', async () => {
    await executor.execute(target, issue);
    const progress = (n: number) => executor.execute(target, { type: 'ReportProgress', data: { assignmentId: o.assignmentId, note: `step ${n}` }, metadata: meta(ISSUE_AT) });
    const results = await Promise.all([1, 2, 3, 4].map(progress));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await count()).toBe(5);
  });

  it('the same idempotency key twice (an HTTP retry) appends once', async () => {
    await executor.execute(target, issue);
    const command = { type: 'AcknowledgeAssignment' as const, data: { assignmentId: o.assignmentId }, metadata: meta(ISSUE_AT) };
    await executor.execute(target, command, { idempotencyKey: 'request-1' });
    const second = await executor.execute(target, command, { idempotencyKey: 'request-1' });
    expect(second.ok).toBe(false);
    expect(await count()).toBe(2);
  });

  describe('a concurrent writer that gets in first', () => {
    const progress = (note: string) => ({ type: 'ReportProgress' as const, data: { assignmentId: o.assignmentId, note }, metadata: meta(ISSUE_AT) });
    /** The real store, but before each of the first `times` appends another executor appends to the same stream. */
    const racingStore = (times: number): EventStore => {
      const other = new CommandExecutor(store);
      let left = times;
      return new Proxy(store, {
        get(target, property) {
          if (property === 'append') {
            return async (...args: Parameters<EventStore['append']>) => {
              if (left-- > 0) await other.execute(assignment, progress('the other writer'));
              return store.append(...args);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const assignment = target;

    it('given two lost races, when a command runs, then it waits 5 then 10 ms (random 0.5 of a cap doubling from 10) and succeeds on the third attempt', async () => {
      await executor.execute(target, issue);
      const waits: number[] = [];
      const retried: string[] = [];
      const racing = new CommandExecutor(racingStore(2), { conflictRetried: (stream) => retried.push(stream) }, {
        baseDelayMs: 10, maxDelayMs: 1000, random: () => 0.5, sleep: async (ms) => void waits.push(ms),
      });
      const result = await racing.execute(target, progress('mine'));
      expect(result.ok && result.state.progressCount).toBe(3);
      expect(waits).toEqual([5, 10]);
      expect(retried).toHaveLength(2);
      expect(await count()).toBe(4);
    });

    it('given a race lost at every attempt, when a command runs, then ConflictPersistsError after maxAttempts, having waited between attempts only', async () => {
      await executor.execute(target, issue);
      const waits: number[] = [];
      const racing = new CommandExecutor(racingStore(10), {}, { maxAttempts: 3, baseDelayMs: 4, maxDelayMs: 1000, random: () => 0.25, sleep: async (ms) => void waits.push(ms) });
      await expect(racing.execute(target, progress('mine'))).rejects.toEqual(expect.objectContaining({ constructor: ConflictPersistsError, attempts: 3 }));
      expect(waits).toEqual([1, 2]);
    });
  });

  it('a command given to another aggregate than its own is refused before anything is read or written', async () => {
    // Typed code cannot make this call; a caller holding only the unions (a stored timer) can.
    const untyped = (): [AggregateRef, EngineCommand] => [{ aggregate: 'plan', planId: PLAN_ID }, issue];
    await expect(executor.execute(...untyped())).rejects.toBeInstanceOf(AggregateMismatchError);
    expect(await count()).toBe(0);
  });
});
