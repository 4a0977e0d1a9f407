import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { EventStore } from '@planledger/event-store';
import { DUE_AT, ISSUE_AT, PLAN_ID, meta, obligation, timer } from '@planledger/domain/testing';
import { timersForAssignment, type AssignmentState } from '@planledger/domain';
import { CommandExecutor } from './command-executor';
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
    const overdue = timersForAssignment(state as AssignmentState).find((t) => t.kind === 'overdue')!;
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
});
