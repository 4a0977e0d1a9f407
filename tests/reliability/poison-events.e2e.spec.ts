import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import { listParkedEvents, PARKING_DECISIONS_STREAM, ProjectionRunner, waitUntilCaughtUp, type ParkedFailure } from '@planledger/projections';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { decideParkedEvent } from '../../apps/cli/src/commands/projections-parked.command';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the apps' and libraries' test kits have no package entry; tests/ is their only outside user
import { call, startApiTestApp, type ApiTestApp } from '../../apps/api/src/testing/api-test-app';

/**
 * Issue 9.1: an event a projection cannot apply is parked, the runner goes on with the events
 * after it, /health says degraded with the reason, and an operator's skip or retry (recorded in
 * the store) decides. The edge checks keep such events out of the API, so the poisoned events
 * are appended to the store directly, as an older release or another writer could have.
 */
const LIANYUN = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const operator: Actor = { userId: 'ops.li', role: 'admin' };

let api: ApiTestApp;
let runner: ProjectionRunner;
let planner: Record<string, string>;
const parkedFailures: ParkedFailure[] = [];
const logged: string[] = [];

const importPlan = (planId: string) =>
  call(api.url, 'POST', `/plans?rebase=2030-09-01&planId=${planId}`, { headers: planner, text: LIANYUN, contentType: 'application/yaml' });
const settle = async () => {
  runner.wake();
  await waitUntilCaughtUp(api.storage.database, api.storage.store, { timeoutMs: 20_000 });
};
const planRow = async (planId: string) => (await api.storage.database.query('select plan_id, starts_at from read_plans where plan_id = $1', [planId]))[0];

/** A copy of a stored PlanDrafted under another plan id, with its start replaced: what a poisoned import looks like. */
async function appendDraftLike(source: string, planId: string, startsAt: string): Promise<StoredEvent> {
  let drafted: StoredEvent | undefined;
  for await (const event of api.storage.store.readStream(`plan-${source}`)) if (event.type === 'PlanDrafted') drafted = event;
  const data = JSON.parse(JSON.stringify(drafted!.data)) as { planId: string; schedule: { planId: string; startsAt: string } };
  data.planId = planId;
  data.schedule.planId = planId;
  data.schedule.startsAt = startsAt;
  await api.storage.store.append(`plan-${planId}`, [{ eventId: randomUUID(), type: 'PlanDrafted', schemaVersion: drafted!.schemaVersion, data, metadata: drafted!.metadata }], 'no_stream');
  for await (const event of api.storage.store.readStream(`plan-${planId}`)) return event;
  throw new Error('not appended');
}

beforeAll(async () => {
  api = await startApiTestApp({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  planner = await api.authAs({ subject: 'wang.office', roles: ['planner'] });
  runner = new ProjectionRunner({
    store: api.storage.store, database: api.storage.database, holderId: 'poison-test', pollIntervalMs: 20, batchSize: 50,
    logger: { info: () => undefined, warn: () => undefined, error: (message) => logged.push(message) },
    onParked: (failure) => {
      parkedFailures.push(failure);
      api.metrics.projectionEventsParked.inc({ projection: failure.projection });
    },
  });
  await runner.start();
});
afterAll(async () => {
  await runner?.stop();
  await api?.close();
});

describe('a poisoned event', () => {
  let poisoned: StoredEvent;

  it('is parked, and the events before and after it in the same batch still apply', async () => {
    expect((await importPlan('before-poison')).status).toBe(201);
    await settle();
    // Out of PostgreSQL's range as written: "+010000-…" (what toISOString gives for year 10000).
    poisoned = await appendDraftLike('before-poison', 'poisoned-plan', '+010000-01-01T00:00:00.000Z');
    expect((await importPlan('after-poison')).status).toBe(201);
    await settle();

    expect(await planRow('before-poison')).toBeDefined();
    expect(await planRow('after-poison')).toBeDefined();
    expect(await planRow('poisoned-plan')).toBeUndefined();
    const [parked] = await listParkedEvents(api.storage.database, { open: true });
    expect(parked).toMatchObject({ projection: 'projections', stream: 'plan-poisoned-plan', revision: '0', eventId: poisoned.eventId, eventType: 'PlanDrafted', status: 'parked' });
    expect(parked.error).toMatch(/range|invalid/i);
    expect(parkedFailures.map((f) => f.event.eventId)).toEqual([poisoned.eventId]);
  });

  it('is logged with the error, counted in /metrics, and /health says degraded with the reason', async () => {
    expect(logged.some((line) => line.includes('parked event PlanDrafted') && line.includes('plan-poisoned-plan') && /range|invalid/i.test(line))).toBe(true);
    const metrics = await call(api.url, 'GET', '/metrics');
    expect(metrics.text).toMatch(/planledger_projection_events_parked_total\{projection="projections"\} 1/);
    const health = await call(api.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.reason).toContain('plan-poisoned-plan');
    expect(health.body.reason).toContain('planledger projections skip|retry');
    expect(health.body.projections).toMatchObject({ status: 'degraded', parkedEvents: 1, parked: [{ stream: 'plan-poisoned-plan', eventType: 'PlanDrafted' }] });
  });

  it('keeps the engine going: commands and their projections after it work', async () => {
    expect((await call(api.url, 'POST', '/plans/after-poison/publish?confirmPastDue=true', { headers: planner })).status).toBe(200);
    await settle();
    const [row] = await api.storage.database.query<{ status: string }>('select status from read_plans where plan_id = $1', ['after-poison']);
    expect(row.status).toBe('published');
  });

  it('skip: recorded as an event in the store, the event stays out and /health is up again', async () => {
    const outcome = await decideParkedEvent(api.storage, { verb: 'skip', target: poisoned.eventId, reason: 'bad rebase', actor: operator, now: new Date() });
    expect(outcome).toMatchObject({ ok: true });
    await settle();
    const decisions: StoredEvent[] = [];
    for await (const event of api.storage.store.readStream(PARKING_DECISIONS_STREAM)) decisions.push(event);
    expect(decisions.map((e) => [e.type, (e.data as { eventId: string }).eventId, e.metadata?.actor?.userId])).toEqual([['ProjectionEventSkipped', poisoned.eventId, 'ops.li']]);
    const [parked] = await listParkedEvents(api.storage.database);
    expect(parked).toMatchObject({ status: 'skipped', decidedBy: 'ops.li' });
    expect(await planRow('poisoned-plan')).toBeUndefined();
    const health = await call(api.url, 'GET', '/health');
    expect(health.body.projections).toEqual({ status: 'up', parkedEvents: 0 });
    expect(await decideParkedEvent(api.storage, { verb: 'retry', target: poisoned.eventId, actor: operator, now: new Date() })).toMatchObject({
      ok: false, message: expect.stringContaining('no longer parked: skipped'),
    });
  });

  it('retry: parked again while it still fails, applied once the cause is fixed', async () => {
    // A cause an operator can fix: a constraint (here a trigger) that refuses the row.
    await api.storage.database.query(`create function refuse_fixable() returns trigger language plpgsql as $$ begin
      if new.plan_id = 'fixable-plan' then raise exception 'plan fixable-plan refused by a constraint'; end if; return new; end $$`);
    await api.storage.database.query('create trigger refuse_fixable before insert on read_plans for each row execute function refuse_fixable()');
    const fixable = await appendDraftLike('before-poison', 'fixable-plan', '2030-09-01T00:00:00.000+08:00');
    await settle();
    expect((await listParkedEvents(api.storage.database, { open: true })).map((p) => p.eventId)).toEqual([fixable.eventId]);

    const position = (await listParkedEvents(api.storage.database, { open: true }))[0].position;
    expect(await decideParkedEvent(api.storage, { verb: 'retry', target: position, actor: operator, now: new Date() })).toMatchObject({ ok: true });
    await settle();
    const [stillParked] = await listParkedEvents(api.storage.database, { open: true });
    expect(stillParked).toMatchObject({ eventId: fixable.eventId, attempts: 2, error: expect.stringContaining('refused by a constraint') });

    await api.storage.database.query('drop trigger refuse_fixable on read_plans');
    expect(await decideParkedEvent(api.storage, { verb: 'retry', target: fixable.eventId, actor: operator, now: new Date() })).toMatchObject({ ok: true });
    await settle();
    expect(await planRow('fixable-plan')).toBeDefined();
    expect(await listParkedEvents(api.storage.database, { open: true })).toEqual([]);
    const types: string[] = [];
    for await (const event of api.storage.store.readStream(PARKING_DECISIONS_STREAM)) types.push(event.type);
    expect(types).toEqual(['ProjectionEventSkipped', 'ProjectionEventRetried', 'ProjectionEventRetried']);
    expect((await call(api.url, 'GET', '/health')).body.status).toBe('up');
  });

  it('an unknown target is refused, naming it', async () => {
    expect(await decideParkedEvent(api.storage, { verb: 'skip', target: '1:2', actor: operator, now: new Date() })).toEqual({
      ok: false, message: expect.stringContaining('no parked event has the id or position "1:2"'),
    });
  });
});
