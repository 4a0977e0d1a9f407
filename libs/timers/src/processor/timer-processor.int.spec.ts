import { streamOf, timersForAssignment, type AssignmentState, type Timer } from '@planledger/domain';
import { TimerQueue } from '../queue/timer-queue';
import { createTimerWorker } from '../worker/create-timer-worker';
import { ManualClock, TEST_REDIS_URL, deleteQueueKeys, eventually, firings, insertPendingTimers, lianyunTimers, openTimersTestDatabase, uniqueQueueName, type TimersTestDatabase } from '../testing/timers-test-kit';
import { TimerCounters } from './timer-observer';
import { TimerProcessor } from './timer-processor';

describe('TimerProcessor (PGlite)', () => {
  let db: TimersTestDatabase;
  let issueTimers: Timer[];
  let phaseOpen: Timer;
  const counters = new TimerCounters();
  let processor: TimerProcessor;

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    const timers = lianyunTimers('processor-test');
    issueTimers = timers.filter((t) => t.kind === 'assignment-issue').slice(0, 5);
    phaseOpen = timers.find((t) => t.kind === 'phase-open')!;
    // Published a day after its first timers were due: those fire at publication time.
    await insertPendingTimers(db.database, [...issueTimers, phaseOpen], '2021-09-02T00:00:00.000Z');
    const clock = new ManualClock(new Date('2021-09-02T00:00:01.500Z'));
    processor = new TimerProcessor({ database: db.database, executor: db.executor, clock, observer: counters });
  });
  afterAll(() => db.close());

  it('gives the timer\'s command at max(due, notBefore) and records the firing', async () => {
    const timer = issueTimers[0];
    expect(await processor.process(timer.timerId)).toBe('accepted');
    const events = await db.eventsOf(streamOf(timer.target));
    expect(events.map((e) => e.type)).toEqual(['AssignmentIssued']);
    expect(events[0].metadata).toMatchObject({ businessTime: '2021-09-02T00:00:00.000Z', causationId: timer.timerId });
    expect(await firings(db.database)).toEqual([{ timer_id: timer.timerId, outcome: 'accepted' }]);
    expect(counters.fired.accepted).toBe(1);
    expect(counters.lagsMs).toEqual([1500]);
  });

  it('a second delivery, sequential or concurrent, appends nothing more', async () => {
    const [, sequential, concurrent] = issueTimers;
    await processor.process(sequential.timerId);
    expect(await processor.process(sequential.timerId)).toBe('accepted'); // the recorded outcome
    // Concurrent deliveries both reach the executor; the same idempotency key appends once.
    const outcomes = await Promise.all([processor.process(concurrent.timerId), processor.process(concurrent.timerId)]);
    expect(outcomes).toEqual(['accepted', 'accepted']);
    for (const timer of [sequential, concurrent]) expect((await db.eventsOf(streamOf(timer.target))).length).toBe(1);
    const rows = await firings(db.database);
    expect(rows.filter((r) => r.timer_id === concurrent.timerId)).toHaveLength(1);
  });

  it('a job delivered twice through BullMQ fires once', async () => {
    const timer = issueTimers[3];
    const queue = new TimerQueue(uniqueQueueName('processor'), TEST_REDIS_URL, db.storeId);
    const worker = createTimerWorker(queue, processor, 4);
    try {
      let completed = 0;
      worker.on('completed', () => completed++);
      await queue.add([{ timerId: timer.timerId, delayMs: 0, timestamp: Date.now() }]);
      await eventually(async () => completed === 1);
      // Completed jobs are removed, so the same id can be delivered again (e.g. after a Redis flush).
      await queue.add([{ timerId: timer.timerId, delayMs: 0, timestamp: Date.now() }]);
      await eventually(async () => completed === 2);
      expect((await db.eventsOf(streamOf(timer.target))).map((e) => e.type)).toEqual(['AssignmentIssued']);
    } finally {
      await worker.close();
      await queue.close();
      await deleteQueueKeys(queue.name);
    }
  });

  it('a timer no longer in read_timers is recorded as withdrawn and decides nothing', async () => {
    const timer = issueTimers[4];
    await db.database.query('delete from read_timers where timer_id = $1', [timer.timerId]);
    expect(await processor.process(timer.timerId)).toBe('withdrawn');
    expect(await db.eventsOf(streamOf(timer.target))).toEqual([]);
    expect((await firings(db.database)).find((r) => r.timer_id === timer.timerId)?.outcome).toBe('withdrawn');
    expect(counters.fired.withdrawn).toBe(1);
  });

  it('a command that decides nothing is recorded as nothing_to_do (a phase opened before it was scheduled)', async () => {
    expect(await processor.process(phaseOpen.timerId)).toBe('nothing_to_do');
    expect(await db.eventsOf(streamOf(phaseOpen.target))).toEqual([]);
  });

  it('an escalation delivered before its overdue mark fires the earlier timers of that assignment first', async () => {
    const timer = issueTimers[2];
    const { state } = await db.executor.load(timer.target);
    const owed = timersForAssignment(state as AssignmentState);
    await insertPendingTimers(db.database, owed);
    const lastEscalation = owed.filter((t) => t.kind === 'escalation').at(-1)!;
    expect(await processor.process(lastEscalation.timerId)).toBe('accepted');
    const types = (await db.eventsOf(streamOf(timer.target))).map((e) => e.type);
    expect(types).toEqual(['AssignmentIssued', 'AssignmentReminderDue', 'AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated', 'AssignmentEscalated']);
    for (const earlier of owed) expect(await processor.process(earlier.timerId)).toBe('accepted');
  });
});
