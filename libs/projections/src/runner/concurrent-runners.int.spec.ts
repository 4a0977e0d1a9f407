import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore, SqlExecutor } from '@planledger/event-store';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { planner } from '../testing/plan-driver';
import { smallSchedule } from '../testing/small-plan';
import { snapshotReadModels } from '../testing/table-snapshot';
import { openPostgresTestStorage, type TestStorage } from '../testing/test-storage';
import { applyNextBatch } from './apply-batch';
import { waitUntilCaughtUp } from './catch-up';
import { PROJECTIONS_CHECKPOINT, readCheckpoint } from './checkpoints';
import { ProjectionRunner } from './projection-runner';
import { storeHead } from './store-head';

const PLANS = 8;
const NOISE = 150;

/** Plans drafted and published straight through the executor, between events of another application. */
async function fillStore(store: EventStore): Promise<void> {
  const executor = new CommandExecutor(store);
  for (let i = 0; i < PLANS; i++) {
    const planId = `plan-${i}`;
    const schedule = smallSchedule({ planId, obligations: smallSchedule().obligations.slice(0, 2) });
    const at = '2022-01-10T00:00:00.000Z';
    const source = { fileName: `${planId}.yaml`, format: 'yaml' as const, text: '' };
    await executor.execute({ aggregate: 'plan', planId }, { type: 'DraftPlan', data: { planId, schedule, source }, metadata: { actor: planner, at } });
    await executor.execute({ aggregate: 'plan', planId }, { type: 'PublishPlan', data: { planId }, metadata: { actor: planner, at } });
    const noise = Array.from({ length: NOISE / PLANS }, () => ({ eventId: randomUUID(), type: 'SomethingElse', schemaVersion: 1, data: {}, metadata: {} }));
    await store.append(`other-${i}`, noise, 'any');
  }
}

const eventCount = async (db: SqlExecutor) => Number((await db.query<{ n: number }>('select count(*)::int as n from event_store_events'))[0].n);

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('projection runners sharing one PostgreSQL database', () => {
  let storage: TestStorage;
  let other: Awaited<ReturnType<NonNullable<TestStorage['openAnother']>>>;

  beforeAll(async () => {
    storage = await openPostgresTestStorage();
    other = await storage.openAnother!();
    await fillStore(storage.store);
  });
  afterAll(() => storage?.close());

  it('never apply a batch twice: racing batches cover every event exactly once', async () => {
    const total = await eventCount(storage.database);
    const applied: number[] = [];
    const race = async (store: EventStore, database: SqlExecutor) => {
      for (;;) {
        const outcome = await applyNextBatch(store, database, 7);
        if (outcome.kind === 'idle') return;
        // A lost race (checkpoint_moved) wrote nothing: the winner applied those events.
        if (outcome.kind === 'applied') applied.push(outcome.events);
      }
    };
    await Promise.all([race(storage.store, storage.database), race(other.store, other.database), race(other.store, other.database)]);

    expect(applied.reduce((a, b) => a + b, 0)).toBe(total);
    expect(await readCheckpoint(storage.database, PROJECTIONS_CHECKPOINT)).toEqual(await storeHead(storage.database, storage.store));
    expect(await storage.database.query('select count(*)::int as n from read_plans')).toEqual([{ n: PLANS }]);
    expect(await storage.database.query('select count(*)::int as n from read_timers')).toEqual([{ n: PLANS * (6 + 2) }]);
  });

  it('one leader at a time; the other takes over when it stops; a rebuild beside a running runner gives the same tables', async () => {
    const expected = await snapshotReadModels(storage.database);
    const options = { pollIntervalMs: 20, batchSize: 9, leaseRenewMs: 100, leaseDurationMs: 400 };
    const a = new ProjectionRunner({ ...options, store: storage.store, database: storage.database, holderId: 'runner-a' });
    const b = new ProjectionRunner({ ...options, store: other.store, database: other.database, holderId: 'runner-b' });
    await a.start();
    await until(() => a.isLeader);
    await b.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect([a.isLeader, b.isLeader]).toEqual([true, false]);

      await rebuildReadModels({ store: other.store, database: other.database, batchSize: 5 });
      await waitUntilCaughtUp(storage.database, storage.store, { timeoutMs: 10_000 });
      expect(await snapshotReadModels(storage.database)).toEqual(expected);

      await a.stop();
      await until(() => b.isLeader);
      await fillStore(storage.store).catch(() => undefined); // plans exist: only the noise is new
      await waitUntilCaughtUp(storage.database, storage.store, { timeoutMs: 10_000 });
      expect(await b.lagEvents()).toEqual({ projections: 0 });
      expect(await readCheckpoint(storage.database, PROJECTIONS_CHECKPOINT)).toEqual(await storeHead(storage.database, storage.store));
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a lease left by a crashed holder is taken once it expires', async () => {
    await storage.database.query(
      `insert into read_leases (name, holder, expires_at) values ('projections', 'crashed', clock_timestamp() + interval '300 milliseconds')
       on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at`,
    );
    const runner = new ProjectionRunner({ store: storage.store, database: storage.database, holderId: 'survivor', pollIntervalMs: 20 });
    await runner.start();
    try {
      expect(runner.isLeader).toBe(false);
      await until(() => runner.isLeader, 5_000);
      expect(await storage.database.query(`select holder from read_leases where name = 'projections'`)).toEqual([{ holder: 'survivor' }]);
    } finally {
      await runner.stop();
    }
    expect(await storage.database.query(`select holder from read_leases`)).toEqual([]);
  });
});
