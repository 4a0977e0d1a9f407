import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { PLAN_ID, meta, planner, schedule } from '@planledger/domain/testing';
import type { EventStore, StoredEvent } from '@planledger/event-store';
import { CommandExecutor } from '../commands/command-executor';
import { PlanReactor } from './plan-reactor';

describe('PlanReactor', () => {
  let store: EventStore;
  let executor: CommandExecutor;
  const S = schedule();
  const plan = { aggregate: 'plan' as const, planId: PLAN_ID };
  const at = S.startsAt;
  const source = { fileName: 'p.yaml', format: 'yaml' as const, text: '' };
  const eventsOf = async (stream: string) => {
    const events: StoredEvent[] = [];
    for await (const e of store.readStream(stream)) events.push(e);
    return events;
  };

  beforeEach(async () => {
    store = await openFreshPgliteStore();
    executor = new CommandExecutor(store);
    await executor.execute(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: S, source }, metadata: meta(at, planner) });
    await executor.execute(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta(at, planner) });
  });
  afterEach(() => store.close());

  it('given a published plan, when the reactor sees PlanPublished (twice, as after a crash), then each phase is scheduled once', async () => {
    const published = (await eventsOf(`plan-${PLAN_ID}`)).find((e) => e.type === 'PlanPublished')!;
    const reactor = new PlanReactor(executor);
    const first = await reactor.handle(published);
    const second = await reactor.handle(published);
    expect(first.rejected).toEqual([]);
    expect(second.rejected).toEqual([]);
    for (const phase of S.phases) {
      expect((await eventsOf(`phase-${PLAN_ID}.${phase.phaseId}`)).map((e) => e.type)).toEqual(['PhaseScheduled']);
    }
  });

  it('ignores events other than the plan ones', async () => {
    const [drafted] = await eventsOf(`plan-${PLAN_ID}`);
    expect(await new PlanReactor(executor).handle({ ...drafted, type: 'AssignmentIssued' })).toEqual({ commands: 0, rejected: [] });
  });
});
