import 'reflect-metadata';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { streamOf, type Timer } from '@planledger/domain';
import { systemClock } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE, REDIS_OPTIONS, SERVICE_CONFIG, STORE_ID, loadServiceConfig, timerQueueName } from '@planledger/runtime';
import { TEST_REDIS_URL, deleteQueueKeys, eventually, firings, insertPendingTimers, lianyunTimers, openTimersTestDatabase, uniqueQueueName, type TimersTestDatabase } from '../testing/timers-test-kit';
import { TIMER_JOB_NAME, type TimerQueue } from '../queue/timer-queue';
import { TimerJobHost } from './timer-job.host';
import { TIMER_QUEUE } from './timer-tokens';
import { TimerWorkerModule } from './timer-worker.module';

describe('TimerWorkerModule (Nest, real Redis, PGlite)', () => {
  let db: TimersTestDatabase;
  let app: INestApplicationContext;
  const queueName = uniqueQueueName('nest');

  beforeAll(async () => {
    db = await openTimersTestDatabase();
    const config = loadServiceConfig({ QUEUE_NAME: queueName, WORKER_CONCURRENCY: '3', TIMER_SWEEP_SECONDS: '1' });
    const storage = { store: undefined, database: db.database, kind: 'pglite' as const, close: async () => undefined };

    /** Stands in for the runtime's CoreModule: the same global tokens. */
    @Global()
    @Module({
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: REDIS_OPTIONS, useValue: { url: TEST_REDIS_URL } },
        { provide: EVENT_STORAGE, useValue: storage },
        { provide: CLOCK, useValue: systemClock },
        { provide: COMMAND_EXECUTOR, useValue: db.executor },
        { provide: STORE_ID, useValue: db.storeId },
      ],
      exports: [SERVICE_CONFIG, REDIS_OPTIONS, EVENT_STORAGE, CLOCK, COMMAND_EXECUTOR, STORE_ID],
    })
    class FakeCoreModule {}

    @Module({ imports: [FakeCoreModule, TimerWorkerModule] })
    class TestWorkerApp {}

    app = await NestFactory.createApplicationContext(TestWorkerApp, { logger: false });
    app.enableShutdownHooks();
  });
  afterAll(async () => {
    await app?.close();
    await deleteQueueKeys(timerQueueName(queueName, db.storeId));
    await db.close();
  });

  it('runs a worker on the configured queue, named after the store, with the configured concurrency', () => {
    const host = app.get(TimerJobHost);
    expect(host.worker.name).toBe(`${queueName}-${db.storeId}`);
    expect(host.worker.opts.concurrency).toBe(3);
  });

  it('sweeps a due timer into the queue and fires it', async () => {
    const timer: Timer = lianyunTimers('nest-test').find((t) => t.kind === 'assignment-issue')!;
    // Due half a second from now by the real clock: the sweep adds it delayed, the worker fires it.
    const dueAt = new Date(Date.now() + 500).toISOString();
    await insertPendingTimers(db.database, [{ ...timer, timerId: `nest-${timer.timerId}`, dueAt }]);
    await eventually(async () => (await firings(db.database)).length === 1, 15_000);
    expect((await firings(db.database))[0].outcome).toBe('accepted');
    expect((await db.eventsOf(streamOf(timer.target))).map((e) => e.type)).toEqual(['AssignmentIssued']);
  });

  it('refuses a job naming another store: neither fired nor recorded, failed for good', async () => {
    const timer: Timer = lianyunTimers('nest-foreign').find((t) => t.kind === 'assignment-issue')!;
    const timerId = `foreign-${timer.timerId}`;
    await insertPendingTimers(db.database, [{ ...timer, timerId, dueAt: '2099-01-01T00:00:00.000Z' }]);
    const queue = app.get<TimerQueue>(TIMER_QUEUE).queue;
    const job = await queue.add(TIMER_JOB_NAME, { timerId, storeId: '00000000-0000-4000-8000-000000000000' }, { jobId: timerId, attempts: 5 });
    await eventually(async () => (await queue.getJobState(job.id!)) === 'failed', 15_000);
    const failed = await queue.getJob(job.id!);
    expect(failed?.failedReason).toMatch(/belongs to store 00000000-0000-4000-8000-000000000000, not to this process's store/);
    expect(failed?.attemptsMade).toBe(1); // UnrecoverableError: no retry
    expect((await firings(db.database)).map((f) => f.timer_id)).not.toContain(timerId);
    expect(await db.eventsOf(streamOf(timer.target))).toEqual([]);
  });

  it('listens for errors on the worker and the queue (unheard, an error event ends the process)', () => {
    expect(app.get(TimerJobHost).worker.listenerCount('error')).toBeGreaterThan(0);
    expect(app.get<TimerQueue>(TIMER_QUEUE).queue.listenerCount('error')).toBeGreaterThan(0);
  });

  it('closes the worker on shutdown', async () => {
    const worker = app.get(TimerJobHost).worker;
    await app.close();
    expect(worker.closing).toBeDefined();
    expect(worker.isRunning()).toBe(false);
    app = undefined as unknown as INestApplicationContext;
  });
});
