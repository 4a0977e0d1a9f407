import { streamOf, type Timer } from '@planledger/domain';
import { TimerQueue } from '../queue/timer-queue';
import { createTimerWorker } from '../worker/create-timer-worker';
import { ManualClock, TEST_REDIS_URL, deleteQueueKeys, eventually, firings, insertPendingTimers, lianyunTimers, openTimersTestDatabase, uniqueQueueName, type TimersTestDatabase } from '../testing/timers-test-kit';
import { TimerCounters } from './timer-observer';
import { TimerProcessor } from './timer-processor';

describe('TimerProcessor buckets (PGlite): many timers in one batch keep each timer\'s guarantees', () => {
  let db: TimersTestDatabase;
  let issueTimers: Timer[];
  const counters = new TimerCounters();
  let processor: TimerProcessor;

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    issueTimers = lianyunTimers('bucket-test').filter((t) => t.kind === 'assignment-issue').slice(0, 12);
    await insertPendingTimers(db.database, issueTimers);
    processor = new TimerProcessor({ database: db.database, executor: db.executor, clock: new ManualClock(new Date('2021-09-10T00:00:00Z')), observer: counters });
  });
  afterAll(() => db.close());

  it('fires a bucket once per timer, recording fired, withdrawn and already recorded ones alike', async () => {
    const [already, withdrawn, ...rest] = issueTimers.slice(0, 6);
    expect(await processor.process(already.timerId)).toBe('accepted');
    await db.database.query('delete from read_timers where timer_id = $1', [withdrawn.timerId]);
    const bucket = [already, withdrawn, ...rest, rest[0]].map((t) => t.timerId); // one id twice, as a redelivery would
    const outcomes = await processor.processMany(bucket);
    expect(outcomes).toEqual(['accepted', 'withdrawn', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    for (const timer of [already, ...rest]) {
      const events = await db.eventsOf(streamOf(timer.target));
      expect(events.map((e) => [e.type, e.metadata.businessTime, e.metadata.causationId])).toEqual([['AssignmentIssued', timer.dueAt, timer.timerId]]);
    }
    expect(await db.eventsOf(streamOf(withdrawn.target))).toEqual([]);
    const recorded = await firings(db.database);
    expect(recorded.filter((r) => bucket.includes(r.timer_id))).toHaveLength(6);
    // A second delivery of the whole bucket appends nothing and answers the recorded outcomes.
    expect(await processor.processMany(bucket)).toEqual(outcomes);
    expect((await db.allEvents()).filter((e) => e.type === 'AssignmentIssued')).toHaveLength(5);
  });

  it('a bucket meeting a stream already fired but not recorded (a crash between append and record) appends nothing twice', async () => {
    const timers = issueTimers.slice(6, 9);
    // Another process fired one of them without this process knowing (no record, stream written).
    const other = new TimerProcessor({ database: db.database, executor: db.executor, clock: new ManualClock(new Date('2021-09-10T00:00:00Z')) });
    await other.process(timers[1].timerId);
    await db.database.query('delete from timer_firings where timer_id = $1', [timers[1].timerId]);
    const outcomes = await processor.processMany(timers.map((t) => t.timerId));
    expect(outcomes[0]).toBe('accepted');
    expect(outcomes[2]).toBe('accepted');
    expect(['nothing_to_do', 'rejected', 'accepted']).toContain(outcomes[1]);
    for (const timer of timers) expect((await db.eventsOf(streamOf(timer.target))).map((e) => e.type)).toEqual(['AssignmentIssued']);
  });

  it('a bucket job through BullMQ fires every timer it names', async () => {
    const timers = issueTimers.slice(9, 12);
    const queue = new TimerQueue(uniqueQueueName('buckets'), TEST_REDIS_URL, db.storeId);
    const worker = createTimerWorker(queue, processor, 2);
    try {
      await queue.addBuckets([timers.map((t) => t.timerId)], Date.now());
      await eventually(async () => (await firings(db.database)).filter((r) => timers.some((t) => t.timerId === r.timer_id)).length === 3);
      for (const timer of timers) expect((await db.eventsOf(streamOf(timer.target))).map((e) => e.type)).toEqual(['AssignmentIssued']);
    } finally {
      await worker.close();
      await queue.close();
      await deleteQueueKeys(queue.name);
    }
  });
});
