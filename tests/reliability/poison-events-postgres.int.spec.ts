import { randomUUID } from 'node:crypto';
import type { Actor, PlanCommand } from '@planledger/domain';
import { CommandExecutor } from '@planledger/engine';
import type { StoredEvent } from '@planledger/event-store';
import { listParkedEvents, ProjectionRunner, rebuildReadModels, waitUntilCaughtUp } from '@planledger/projections';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { smallSchedule } from '../../libs/projections/src/testing/small-plan';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { openPostgresTestStorage, type TestStorage } from '../../libs/projections/src/testing/test-storage';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { decideParkedEvent } from '../../apps/cli/src/commands/projections-parked.command';

/**
 * Issue 9.1 on PostgreSQL: a poisoned event in the middle of one batch is parked while the
 * events before and after it in that batch apply; a rebuild parks it again and replays the
 * operator's decision after it.
 */
const planner: Actor = { userId: 'u-planner', role: 'planner', departmentId: 'bureau' };
const operator: Actor = { userId: 'ops.zhao', role: 'admin' };
let storage: TestStorage;
let runner: ProjectionRunner;

async function draft(executor: CommandExecutor, planId: string): Promise<void> {
  const command = { type: 'DraftPlan', data: { planId, schedule: smallSchedule({ planId }), source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, metadata: { actor: planner, at: '2022-01-10T00:00:00.000Z' } } as PlanCommand;
  const result = await executor.execute({ aggregate: 'plan', planId }, command);
  if (!result.ok) throw new Error(result.error.message);
}

const planIds = async () => (await storage.database.query<{ plan_id: string }>('select plan_id from read_plans order by plan_id')).map((row) => row.plan_id);

beforeAll(async () => {
  storage = await openPostgresTestStorage();
});
afterAll(async () => {
  await runner?.stop();
  await storage?.close();
});

it('parks the poisoned event of a batch, applies the others, and a rebuild replays parking and decision', async () => {
  const executor = new CommandExecutor(storage.store);
  await draft(executor, 'good-one');
  let drafted: StoredEvent | undefined;
  for await (const event of storage.store.readStream('plan-good-one')) drafted = event;
  const data = JSON.parse(JSON.stringify(drafted!.data)) as { planId: string; schedule: { planId: string; endsAt: string } };
  data.planId = data.schedule.planId = 'poisoned';
  data.schedule.endsAt = '+275760-09-13T00:00:00.000Z';
  await storage.store.append('plan-poisoned', [{ eventId: randomUUID(), type: drafted!.type, schemaVersion: drafted!.schemaVersion, data, metadata: drafted!.metadata }], 'no_stream');
  await draft(executor, 'good-two');

  // One batch holds all three events.
  runner = new ProjectionRunner({ store: storage.store, database: storage.database, holderId: 'pg-poison', pollIntervalMs: 20, batchSize: 100 });
  await runner.start();
  await waitUntilCaughtUp(storage.database, storage.store, { timeoutMs: 20_000 });
  expect(await planIds()).toEqual(['good-one', 'good-two']);
  const [parked] = await listParkedEvents(storage.database, { open: true });
  expect(parked).toMatchObject({ stream: 'plan-poisoned', status: 'parked', attempts: 1 });

  expect(await decideParkedEvent(storage, { verb: 'skip', target: parked.position, actor: operator, now: new Date() })).toMatchObject({ ok: true });
  await waitUntilCaughtUp(storage.database, storage.store, { timeoutMs: 20_000 });
  expect(await listParkedEvents(storage.database, { open: true })).toEqual([]);

  await runner.stop();
  await rebuildReadModels({ store: storage.store, database: storage.database });
  expect(await planIds()).toEqual(['good-one', 'good-two']);
  expect(await listParkedEvents(storage.database)).toEqual([expect.objectContaining({ stream: 'plan-poisoned', status: 'skipped', decidedBy: 'ops.zhao' })]);
});
