import type { Timer } from '@planledger/domain';
import { TimerQueue } from '../queue/timer-queue';
import { TimerCounters } from '../processor/timer-observer';
import { ManualClock, TEST_REDIS_URL, deleteQueueKeys, insertPendingTimers, lianyunTimers, openTimersTestDatabase, uniqueQueueName, type TimersTestDatabase } from '../testing/timers-test-kit';
import { TimerSweep } from './timer-sweep';

const HOUR = 3_600_000;
const NOW = new Date('2021-08-31T12:00:00.000Z');

describe('TimerSweep (real Redis, PGlite)', () => {
  let db: TimersTestDatabase;
  let queue: TimerQueue;
  let timers: Timer[];
  const clock = new ManualClock(NOW);
  const dueWithin = (ms: number) => timers.filter((t) => Date.parse(t.dueAt) <= NOW.getTime() + ms);

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    timers = lianyunTimers('sweep-test');
    await insertPendingTimers(db.database, timers);
  });
  beforeEach(() => {
    queue = new TimerQueue(uniqueQueueName('sweep'), TEST_REDIS_URL, db.storeId);
  });
  afterEach(async () => {
    await queue.close();
    await deleteQueueKeys(queue.name);
  });
  afterAll(() => db.close());

  const jobIds = async () => (await queue.queue.getJobs(['delayed', 'waiting'], 0, -1)).map((job) => job.id).sort();

  it('adds each pending timer within the horizon once, delayed until its due time', async () => {
    const counters = new TimerCounters();
    const sweep = new TimerSweep({ database: db.database, queue, clock, virtual: false, horizonMs: 24 * HOUR, observer: counters, pageSize: 50 });
    const expected = dueWithin(24 * HOUR);
    expect(expected.length).toBeGreaterThan(50); // more than one page

    const report = await sweep.sweepOnce();
    expect(report.added).toBe(expected.length);
    expect(counters.scheduled).toBe(expected.length);
    expect(await jobIds()).toEqual(expected.map((t) => t.timerId).sort());
    const job = await queue.queue.getJob(expected[0].timerId);
    expect(job?.name).toBe('timer');
    expect(job?.data).toEqual({ timerId: expected[0].timerId, storeId: db.storeId });
    expect(job?.opts.delay).toBe(Date.parse(expected[0].dueAt) - NOW.getTime());
    expect(job?.opts.attempts).toBe(5);
  });

  it('a second sweep adds nothing new; a fired timer is never added', async () => {
    const sweep = new TimerSweep({ database: db.database, queue, clock, virtual: false, horizonMs: 48 * HOUR });
    const first = await sweep.sweepOnce();
    expect(first.added).toBe(dueWithin(48 * HOUR).length);
    expect((await sweep.sweepOnce()).added).toBe(0);
    expect((await sweep.sweepOnce()).epoch).toBe(first.epoch);
  });

  it('after the queue\'s keys are gone (a flushed Redis) it re-adds every pending timer within the horizon', async () => {
    const sweep = new TimerSweep({ database: db.database, queue, clock, virtual: false, horizonMs: 24 * HOUR });
    const first = await sweep.sweepOnce();
    const fired = dueWithin(24 * HOUR)[0];
    await db.database.query("insert into timer_firings (timer_id, fired_at, outcome) values ($1, now(), 'accepted')", [fired.timerId]);
    expect(await deleteQueueKeys(queue.name)).toBeGreaterThan(0);
    expect(await jobIds()).toEqual([]);

    const second = await sweep.sweepOnce();
    expect(second.epoch).not.toBe(first.epoch);
    expect(second.added).toBe(first.added - 1);
    expect(await jobIds()).toEqual(dueWithin(24 * HOUR).filter((t) => t !== fired).map((t) => t.timerId).sort());
    await db.database.query('delete from timer_firings');
  });

  it('with the virtual clock adds only what is due by business time, without delay', async () => {
    const virtualNow = new Date(Date.parse(timers[0].dueAt));
    const sweep = new TimerSweep({ database: db.database, queue, clock: new ManualClock(virtualNow), virtual: true, horizonMs: 24 * HOUR });
    const due = timers.filter((t) => Date.parse(t.dueAt) <= virtualNow.getTime());
    expect((await sweep.sweepOnce()).added).toBe(due.length);
    expect(await queue.queue.getDelayedCount()).toBe(0);
    expect(await queue.queue.getWaitingCount()).toBe(due.length);
  });

  it('start() sweeps at once and on every tick; stop() ends it', async () => {
    const counters = new TimerCounters();
    const sweep = new TimerSweep({ database: db.database, queue, clock, virtual: false, horizonMs: 24 * HOUR, observer: counters });
    sweep.start(50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await deleteQueueKeys(queue.name); // the next tick notices the lost epoch
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sweep.stop();
    expect(counters.scheduled).toBe(2 * dueWithin(24 * HOUR).length);
  });
});
