import { Redis } from 'ioredis';
import { buildPlanExport, loadPlanEvents, resolveAsOf } from '@planledger/audit';
import type { Actor } from '@planledger/domain';
import { obligation, schedule } from '@planledger/domain/testing';
import { CHANNEL_STORE, createSenders, DeliveryProcessor, EndpointRateLimiter, OUTBOX_STORE, type ChannelStore, type OutboxStore } from '@planledger/notification-delivery';
import { deleteKeys, TEST_REDIS_URL, uniqueQueuePrefix, webhookReceiver, whsecret, type LocalReceiver } from '@planledger/notification-delivery/testing';
import { call, startApiTestApp, type ApiTestApp } from '../testing';

const planner: Actor = { userId: 'planner', role: 'planner' };
const at = '2026-11-02T01:00:00.000Z';
const PLAN = 'record-plan';
const ASSIGNMENT = 'm1.school-a.once';

/**
 * Issue 12, item 5: every attempt and its outcome is an event, shown in the assignment's history
 * (GET /assignments/{id}/history and the detail route), in the auditors' export, and answerable by
 * one query (GET /departments/{id}/notifications?assignment=…).
 */
describe('the record of deliveries (api over PGlite, real Redis, a local webhook receiver)', () => {
  let t: ApiTestApp;
  let admin: Record<string, string>;
  let hook: LocalReceiver;
  let redis: Redis;
  const prefix = uniqueQueuePrefix('record');

  beforeAll(async () => {
    t = await startApiTestApp({ now: new Date(at), redisUrl: TEST_REDIS_URL });
    admin = await t.authAs({ roles: ['admin', 'planner'] });
    redis = new Redis(t.redis.url);
    const secret = whsecret();
    hook = await webhookReceiver(secret).up();
    // One channel that answers, one whose receiver is not there (refused, to be retried).
    for (const url of [hook.url, 'http://127.0.0.1:9/gone']) {
      const created = await call(t.url, 'POST', '/admin/notification-channels', { json: { departmentId: 'school-a', settings: { kind: 'webhook', url, signingSecret: secret } }, headers: admin });
      expect(created.status).toBe(201);
    }
    const o = obligation({ assignmentId: ASSIGNMENT, title: '制定实施方案', dueAt: '2026-12-14T15:59:59.999Z' });
    const run = async (target: Parameters<ApiTestApp['executor']['execute']>[0], command: unknown) => {
      const result = await t.executor.execute(target, command as never);
      if (!result.ok) throw new Error(result.error.message);
    };
    await run({ aggregate: 'plan', planId: PLAN }, { type: 'DraftPlan', data: { planId: PLAN, schedule: schedule({ planId: PLAN, obligations: [o] }), source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, metadata: { actor: planner, at } });
    await run({ aggregate: 'plan', planId: PLAN }, { type: 'PublishPlan', data: { planId: PLAN }, metadata: { actor: planner, at } });
    await run({ aggregate: 'assignment', planId: PLAN, assignmentId: ASSIGNMENT }, { type: 'IssueAssignment', data: { planId: PLAN, obligation: o }, metadata: { actor: planner, at } });
    await t.project();

    const outbox = t.app.get<OutboxStore>(OUTBOX_STORE);
    const processor = new DeliveryProcessor({
      outbox, channels: t.app.get<ChannelStore>(CHANNEL_STORE), senders: createSenders({ smtpFrom: 'planledger <noreply@test.local>' }),
      limiter: new EndpointRateLimiter(redis, `bull:${prefix}`), store: t.storage.store, clock: t.clock, workerId: 'record-test',
      lockMs: 30_000, maxAttempts: 3, backoffMs: 1000, send: 'all',
    });
    const rows = await outbox.list({ recipientId: 'school-a', planId: PLAN, assignmentId: ASSIGNMENT, limit: 10 });
    expect(rows.map((r) => r.kind).sort()).toEqual(['assignment-issued', 'assignment-issued']);
    for (const row of rows) await processor.process(row.outboxId);
  });
  afterAll(async () => {
    await hook?.down();
    redis?.disconnect();
    await deleteKeys(`bull:${prefix}:*`);
    await t?.close();
  });

  const ref = `${PLAN}.${ASSIGNMENT}`;

  it('GET /assignments/{id}/history shows each attempt after the event it tells of, with channel, recipient and outcome', async () => {
    const history = await call(t.url, 'GET', `/assignments/${ref}/history`, { headers: admin });
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('AssignmentIssued');
    expect(types.slice(1).sort()).toEqual(['NotificationRefused', 'NotificationSent']);
    const sent = history.body.events.find((e: { type: string }) => e.type === 'NotificationSent');
    expect(sent).toMatchObject({ stream: `notifications-${ref}`, data: { channelKind: 'webhook', recipientId: 'school-a', kind: 'assignment-issued', attempt: 1, detail: 'HTTP 200' } });
    const refused = history.body.events.find((e: { type: string }) => e.type === 'NotificationRefused');
    expect(refused.data.error).toMatch(/^127\.0\.0\.1:9: /);
  });

  it('the assignment page (GET /assignments/{id}) lists the attempts among its history, with whom they went to and what came of them', async () => {
    const head = await t.authAs({ roles: ['department_head'], departments: ['school-a'] });
    const detail = await call(t.url, 'GET', `/assignments/${ref}`, { headers: head });
    expect(detail.status).toBe(200);
    const deliveries = detail.body.history.filter((h: { delivery: unknown }) => h.delivery !== null).map((h: { delivery: Record<string, unknown> }) => h.delivery);
    expect(deliveries.map((d: { outcome: string }) => d.outcome).sort()).toEqual(['refused', 'sent']);
    expect(deliveries.find((d: { outcome: string }) => d.outcome === 'sent')).toMatchObject({
      channelKind: 'webhook', recipientId: 'school-a', kind: 'assignment-issued', attempt: 1, detail: 'HTTP 200', error: null, title: '【新任务】制定实施方案',
    });
    expect(detail.body.history[0]).toMatchObject({ type: 'AssignmentIssued', delivery: null });
    expect(hook.received).toHaveLength(1);
  });

  it('answers "what was sent to department X about assignment Y" in one query', async () => {
    const sent = await call(t.url, 'GET', `/departments/school-a/notifications?assignment=${ASSIGNMENT}`, { headers: admin });
    expect(sent.status).toBe(200);
    expect(sent.body.notifications.map((n: { status: string }) => n.status).sort()).toEqual(['pending', 'sent']);
    expect(sent.body.attempts.map((a: { type: string }) => a.type).sort()).toEqual(['NotificationRefused', 'NotificationSent']);
    const other = await call(t.url, 'GET', `/departments/school-b/notifications?assignment=${ASSIGNMENT}`, { headers: admin });
    expect(other.body.attempts).toEqual([]);
  });

  it('the auditors\' export carries every attempt as an event row naming the department it went to', async () => {
    const loaded = (await loadPlanEvents(t.storage.store, PLAN))!;
    const exported = buildPlanExport(loaded, resolveAsOf(new Date(Date.now() + 60_000).toISOString(), 'UTC', 'recorded'));
    const rows = exported.eventRows.filter((r) => r.type.startsWith('Notification'));
    expect(rows.map((r) => r.type).sort()).toEqual(['NotificationRefused', 'NotificationSent']);
    expect(rows.every((r) => r.stream === `notifications-${ref}` && r.departmentId === 'school-a')).toBe(true);
    expect(rows.find((r) => r.type === 'NotificationSent')!.summary).toMatch(/channelKind=webhook/);
    // The replayed plan is untouched by the record of deliveries.
    expect(exported.overview?.assignments.map((a) => a.assignmentId)).toEqual([ASSIGNMENT]);
  });
});
