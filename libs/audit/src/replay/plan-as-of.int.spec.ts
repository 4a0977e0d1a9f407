import fc from 'fast-check';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore, SqlExecutor, StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { getPlanOverview, migrateReadModels, rebuildReadModels, type PlanOverview } from '@planledger/projections';
import { loadPlanEvents } from '../loading/plan-events';
import { smallPlanSteps } from '../testing/small-plan-steps';
import { replayPlanAsOf } from './plan-as-of';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The oracle is the service itself: after every command the read models are rebuilt and
 * GET /plans/{id}'s answer is kept with the recorded time of the last event. For any instant,
 * the replay must equal the answer kept for the last step recorded by then.
 */
describe('plan as of an instant (PGlite, engine CommandExecutor)', () => {
  let store: EventStore & { database: SqlExecutor };
  const stepsSeen: { lastRecordedMs: number; overview: PlanOverview | undefined }[] = [];
  let events: StoredEvent[];

  beforeAll(async () => {
    store = (await openFreshPgliteStore()) as EventStore & { database: SqlExecutor };
    await migrateReadModels(store.database);
    const executor = new CommandExecutor(store);
    for (const { target, command } of smallPlanSteps()) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
      await rebuildReadModels({ store, database: store.database });
      const loaded = (await loadPlanEvents(store, PLAN_ID))!;
      stepsSeen.push({ lastRecordedMs: Math.max(...loaded.events.map((e) => e.recordedAt.getTime())), overview: await getPlanOverview(store.database, PLAN_ID) });
      await sleep(4); // distinct recorded times between steps
    }
    events = (await loadPlanEvents(store, PLAN_ID))!.events;
  }, 120_000);
  afterAll(() => store?.close());

  const withoutAsOf = (replayed: ReturnType<typeof replayPlanAsOf>) => {
    if (!replayed) return undefined;
    // The read models' overview has no outside events (GET /plans/{id} adds them, ADR 0020); this plan names none.
    const { asOf: _asOf, outsideEvents, ...overview } = replayed;
    expect(outsideEvents).toEqual([]);
    return overview;
  };

  it('after the last event equals GET /plans/{id} from the read models', () => {
    const replayed = replayPlanAsOf(PLAN_ID, events, { instant: new Date(Date.now() + 1000).toISOString(), basis: 'recorded', requested: 'now' });
    expect(withoutAsOf(replayed)).toEqual(stepsSeen[stepsSeen.length - 1].overview);
    expect(replayed!.assignments.map((a) => [a.assignmentId, a.status, a.departmentId])).toEqual([
      ['m1.school-a.once', 'submitted', 'school-a'], // the liaison passed it on to the office
      ['m2.school-a.once', 'acknowledged', 'school-b'],
    ]);
  });

  it('for random instants equals the plan as it stood, folded from exactly the events recorded by then', () => {
    const first = Math.min(...events.map((e) => e.recordedAt.getTime()));
    const last = Math.max(...events.map((e) => e.recordedAt.getTime()));
    fc.assert(
      fc.property(fc.integer({ min: first - 20, max: last + 20 }), (ms) => {
        const replayed = replayPlanAsOf(PLAN_ID, events, { instant: new Date(ms).toISOString(), basis: 'recorded', requested: String(ms) });
        const standing = [...stepsSeen].reverse().find((step) => step.lastRecordedMs <= ms);
        expect(withoutAsOf(replayed)).toEqual(standing?.overview);
        expect(replayed?.asOf.eventsReplayed ?? 0).toBe(replayed ? events.filter((e) => e.recordedAt.getTime() <= ms).length : 0);
      }),
      { numRuns: 200 },
    );
  });

  it('on business time, leaves out what happened later in the business even though it was recorded', () => {
    const replayed = replayPlanAsOf(PLAN_ID, events, { instant: '2022-02-03T12:00:00.000Z', basis: 'business', requested: '2022-02-03T12:00:00Z' })!;
    expect(replayed.assignments.map((a) => [a.assignmentId, a.status])).toEqual([
      ['m1.school-a.once', 'in_progress'],
      ['m2.school-a.once', 'issued'],
    ]);
    expect(replayed.phases.map((p) => [p.phaseId, p.status])).toEqual([['mobilise', 'open'], ['implement', 'scheduled']]);
  });
});
