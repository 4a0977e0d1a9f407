import type { Worker } from 'bullmq';
import { compareTimers, streamOf, type Timer } from '@planledger/domain';
import { TimerProcessor } from '../processor/timer-processor';
import { TimerQueue } from '../queue/timer-queue';
import { createTimerWorker } from '../worker/create-timer-worker';
import { ManualClock, lianyunSchedule, schedulePhase, TEST_REDIS_URL, deleteQueueKeys, firings, insertPendingTimers, lianyunTimers, openTimersTestDatabase, uniqueQueueName, type TimersTestDatabase } from '../testing/timers-test-kit';
import { VirtualClockAdvancer } from './virtual-clock-advancer';

describe('VirtualClockAdvancer (real Redis, PGlite, BullMQ worker)', () => {
  let db: TimersTestDatabase;
  let queue: TimerQueue;
  let worker: Worker;
  let clock: ManualClock;
  let timers: Timer[];
  const clockSets: string[] = [];

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    const schedule = lianyunSchedule('advancer-test');
    const all = lianyunTimers('advancer-test');
    // Issue timers at three instants, plus the first phase-open, due with the first of them.
    const instants = [...new Set(all.filter((t) => t.kind === 'assignment-issue').map((t) => Date.parse(t.dueAt)))].sort((a, b) => a - b).slice(0, 3);
    const issues = instants.flatMap((at) => all.filter((t) => t.kind === 'assignment-issue' && Date.parse(t.dueAt) === at).slice(0, 3));
    const phaseOpen = all.find((t) => t.kind === 'phase-open')!;
    timers = [phaseOpen, ...issues];
    await schedulePhase(db.executor, schedule, (phaseOpen.target as { phaseId: string }).phaseId);
    await insertPendingTimers(db.database, timers);
    clock = new ManualClock(new Date('2021-08-01T00:00:00.000Z'));
    const set = clock.set.bind(clock);
    clock.set = async (to: Date) => {
      clockSets.push(to.toISOString());
      return set(to);
    };
    queue = new TimerQueue(uniqueQueueName('advancer'), TEST_REDIS_URL, db.storeId);
    worker = createTimerWorker(queue, new TimerProcessor({ database: db.database, executor: db.executor, clock }), 8);
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    await deleteQueueKeys(queue.name);
    await db.close();
  });

  it('fires every timer due up to the target in due order, one instant at a time, then sets the target', async () => {
    const sorted = [...timers].sort(compareTimers);
    const lastDue = sorted[sorted.length - 1].dueAt;
    const target = new Date(Date.parse(lastDue) + 1000);
    const later: Timer = { ...sorted[1], timerId: 'later-test-timer', dueAt: new Date(target.getTime() + 1).toISOString() };
    await insertPendingTimers(db.database, [later]);
    let caughtUpCalls = 0;
    const advancer = new VirtualClockAdvancer({ database: db.database, queue, clock, waitUntilCaughtUp: async () => void caughtUpCalls++ });

    const report = await advancer.advanceTo(target);

    const instants = [...new Set(sorted.map((t) => new Date(t.dueAt).toISOString()))];
    expect(report).toEqual({ steps: 3, fired: timers.length });
    expect(clockSets).toEqual([...instants, target.toISOString()]);
    expect((await clock.now()).toISOString()).toBe(target.toISOString());
    expect(caughtUpCalls).toBeGreaterThanOrEqual(4); // before starting and after every group
    // Events appear in the store in due order, the phase opening before the work issued with it.
    const events = (await db.allEvents()).slice(1); // after PhaseScheduled
    expect(events.map((e) => e.type)).toEqual(['PhaseOpened', ...sorted.slice(1).map(() => 'AssignmentIssued')]);
    expect(sorted[0].kind).toBe('phase-open');
    // Within one instant the issue order is free; across instants it follows the due times.
    const dueOfStream = new Map(sorted.map((t) => [streamOf(t.target), Date.parse(t.dueAt)]));
    const dues = events.map((e) => dueOfStream.get(e.stream)!);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const fired = await firings(db.database);
    expect(fired.map((f) => f.timer_id).sort()).toEqual(timers.map((t) => t.timerId).sort());
    expect(fired.find((f) => f.timer_id === later.timerId)).toBeUndefined();
    await db.database.query('delete from read_timers where timer_id = $1', [later.timerId]);
  });

  it('fires timers that firing creates when they are due by the current step', async () => {
    const all = lianyunTimers('advancer-test');
    const fired = new Set((await firings(db.database)).map((f) => f.timer_id));
    const next = all.filter((t) => t.kind === 'assignment-issue' && !fired.has(t.timerId) && Date.parse(t.dueAt) > Date.parse(clockSets[clockSets.length - 1])).sort(compareTimers);
    const first = next[0];
    // Stands in for the projections: once the first fires, a timer due before it appears.
    const created: Timer = { ...next[1], dueAt: new Date(Date.parse(first.dueAt) - 60_000).toISOString(), timerId: 'created-by-projection' };
    let inserted = false;
    const advancer = new VirtualClockAdvancer({
      database: db.database,
      queue,
      clock,
      waitUntilCaughtUp: async () => {
        const [row] = await db.database.query('select 1 from timer_firings where timer_id = $1', [first.timerId]);
        if (row && !inserted) {
          inserted = true;
          await insertPendingTimers(db.database, [created]);
        }
      },
    });
    await insertPendingTimers(db.database, [first]);

    const report = await advancer.advanceTo(new Date(Date.parse(first.dueAt) + 1));
    expect(report).toEqual({ steps: 1, fired: 2 });
    expect((await firings(db.database)).find((f) => f.timer_id === created.timerId)?.outcome).toBe('accepted');
  });
});
