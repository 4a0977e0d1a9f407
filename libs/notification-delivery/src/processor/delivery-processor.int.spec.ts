import { Redis } from 'ioredis';
import { deliveryStreamOf } from '../record/delivery-events';
import { dingtalkReceiver, DINGTALK_RATE_LIMITED, webhookReceiver, wecomReceiver, WECOM_RATE_LIMITED, type LocalReceiver } from '../testing/receivers';
import { NOW, deleteKeys, factsFor, insertOutboxRows, openDeliveryTestDatabase, TEST_REDIS_URL, testProcessor, uniqueQueuePrefix, whsecret, type DeliveryTestDatabase } from '../testing/delivery-test-kit';

describe('DeliveryProcessor (PGlite, real Redis, local receivers speaking each channel)', () => {
  let db: DeliveryTestDatabase;
  let redis: Redis;
  const prefix = uniqueQueuePrefix('processor');
  const receivers: LocalReceiver[] = [];
  const receiver = async (r: LocalReceiver) => {
    receivers.push(r);
    return r.up();
  };
  const types = async (planId: string, assignmentId: string) => (await db.eventsOf(deliveryStreamOf(planId, assignmentId))).map((e) => e.type);
  const status = async (id: string) => (await db.outbox.get(id))!.status;

  beforeAll(async () => {
    db = await openDeliveryTestDatabase();
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    for (const r of receivers) await r.down();
    redis.disconnect();
    await deleteKeys(`bull:${prefix}:*`);
    await db.close();
  });

  it('Standard Webhooks: the receiver verifies the signature with the package\'s verifier; sent once, on the record with what was sent', async () => {
    const secret = whsecret();
    const hook = await receiver(webhookReceiver(secret));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'webhook', url: `${hook.url}/hooks`, signingSecret: secret } });
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('wh-1.school-a.once')]);
    const { processor } = testProcessor(db, redis, prefix);

    expect(await processor.process(id)).toEqual({ kind: 'sent', rows: 1 });
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(request.headers['webhook-id']).toBe(id);
    expect(request.json).toMatchObject({ type: 'notification.reminder-due', data: { notifications: [{ outboxId: id, assignmentId: 'wh-1.school-a.once', kind: 'reminder-due' }] } });
    expect((request.json.data as { message: { text: string } }).message.text).toContain('查看详情：https://plans.example.edu.cn/app/assignments/notify-test.wh-1.school-a.once');
    expect(await status(id)).toBe('sent');
    // A second delivery of the same job sends nothing.
    expect(await processor.process(id)).toEqual({ kind: 'skipped' });
    expect(hook.received).toHaveLength(1);
    const [event] = await db.eventsOf(deliveryStreamOf('notify-test', 'wh-1.school-a.once'));
    expect(event).toMatchObject({ type: 'NotificationSent', schemaVersion: 1, data: { outboxId: id, recipientId: 'school-a', channelKind: 'webhook', attempt: 1, detail: 'HTTP 200', title: '【到期提醒】任务 wh-1.school-a.once' } });
  });

  it('a wrongly signed webhook is refused by the verifier', async () => {
    const hook = await receiver(webhookReceiver(whsecret()));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'webhook', url: hook.url, signingSecret: whsecret() } });
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('wh-2.school-a.once')]);
    const { processor } = testProcessor(db, redis, prefix);
    expect(await processor.process(id)).toEqual({ kind: 'dead', rows: 1 }); // 400: no retry fixes a wrong secret
    expect(hook.received).toHaveLength(0);
    expect((await db.outbox.get(id))!.lastError).toMatch(/HTTP 400/);
    expect(await types('notify-test', 'wh-2.school-a.once')).toEqual(['NotificationGivenUp']);
  });

  it('WeCom: markdown to the robot; its rate-limit answer (45009) once → refused on the record, blocked a minute, then sent', async () => {
    const wecom = await receiver(wecomReceiver('KEY-1'));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'wecom', webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=KEY-1` } });
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('wc-1.school-a.once')]);
    const { processor, limiter } = testProcessor(db, redis, prefix);
    wecom.queued.push(WECOM_RATE_LIMITED);

    expect(await processor.process(id)).toEqual({ kind: 'delay', ms: 60_000 });
    expect(await status(id)).toBe('pending');
    expect((await db.outbox.get(id))!.attempts).toBe(0); // not counted against the attempt limit
    expect(await limiter.acquire(channel.channelId, 20)).toBeGreaterThan(59_000); // blocked for the minute WeCom asks
    await deleteKeys(`bull:${prefix}:blocked:${channel.channelId}`); // the minute has passed

    expect(await processor.process(id)).toEqual({ kind: 'sent', rows: 1 });
    expect(wecom.refused).toHaveLength(1);
    expect(wecom.received).toHaveLength(1);
    expect(wecom.received[0].json).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('### 【到期提醒】任务 wc-1.school-a.once') } });
    const events = await db.eventsOf(deliveryStreamOf('notify-test', 'wc-1.school-a.once'));
    expect(events.map((e) => [e.type, (e.data as { error?: string }).error ?? null])).toEqual([
      ['NotificationRefused', 'WeCom errcode 45009: api freq out of limit'],
      ['NotificationSent', null],
    ]);
  });

  it('WeCom: a wrong key (93000) is given up at once and lands on the dead-letter list; an admin retry after the fix sends it', async () => {
    const keys = new Set(['RIGHT']);
    const wecom = await receiver(wecomReceiver(keys));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'en', digest: null, settings: { kind: 'wecom', webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=WRONG` } });
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('wc-2.school-a.once')]);
    const { processor, clock } = testProcessor(db, redis, prefix);
    expect(await processor.process(id)).toEqual({ kind: 'dead', rows: 1 });
    expect((await db.outbox.list({ status: ['dead'], limit: 10 })).map((r) => r.outboxId)).toContain(id);
    expect(wecom.refused).toHaveLength(1);
    // The group's owner re-creates the robot under that key; the admin retries.
    keys.add('WRONG');
    expect(await db.outbox.retry(id, await clock.now())).toMatchObject({ status: 'pending', retryBase: 1 });
    expect(await processor.process(id)).toEqual({ kind: 'sent', rows: 1 });
    expect(wecom.received[0].json).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('### Due in 7 days: 任务 wc-2.school-a.once') } });
  });

  it('DingTalk: signed per its scheme (checked by the receiver); 130101 once blocks the robot ten minutes; a wrong secret is refused (310000)', async () => {
    const secret = 'SEC0123456789abcdef0123456789';
    const ding = await receiver(dingtalkReceiver('TOKEN', secret));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'dingtalk', webhookUrl: `${ding.url}/robot/send?access_token=TOKEN`, signingSecret: secret } });
    const [id] = await insertOutboxRows(db.database, channel, [factsFor('dt-1.school-a.once')]);
    const { processor } = testProcessor(db, redis, prefix);
    ding.queued.push(DINGTALK_RATE_LIMITED);
    expect(await processor.process(id)).toEqual({ kind: 'delay', ms: 600_000 });
    await deleteKeys(`bull:${prefix}:blocked:${channel.channelId}`);
    expect(await processor.process(id)).toEqual({ kind: 'sent', rows: 1 });
    expect(ding.received[0].json).toMatchObject({ msgtype: 'markdown', markdown: { title: '【到期提醒】任务 dt-1.school-a.once' } });

    const wrong = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'dingtalk', webhookUrl: `${ding.url}/robot/send?access_token=TOKEN`, signingSecret: 'SECwrongwrongwrong' } });
    const [bad] = await insertOutboxRows(db.database, wrong, [factsFor('dt-2.school-a.once')]);
    expect(await processor.process(bad)).toEqual({ kind: 'dead', rows: 1 });
    expect((await db.outbox.get(bad))!.lastError).toBe('DingTalk errcode 310000: sign not match');
  });

  it('a receiver down: attempts back off exponentially (business clock), and everything arrives once it is back', async () => {
    const secret = whsecret();
    const hook = await receiver(webhookReceiver(secret));
    await hook.down();
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    const ids = await insertOutboxRows(db.database, channel, [factsFor('down-1.school-a.once'), factsFor('down-2.school-a.once')]);
    const { processor, clock } = testProcessor(db, redis, prefix, { maxAttempts: 5 });
    const advance = async (ms: number) => clock.set(new Date((await clock.now()).getTime() + ms));
    expect(await processor.process(ids[0])).toEqual({ kind: 'retry', at: new Date(NOW.getTime() + 1000).toISOString() });
    expect(await processor.process(ids[0])).toEqual({ kind: 'skipped' }); // not due again yet
    await advance(1000);
    expect(await processor.process(ids[0])).toEqual({ kind: 'retry', at: new Date(NOW.getTime() + 1000 + 2000).toISOString() }); // doubled
    await hook.up();
    await advance(2000);
    for (const id of ids) expect((await processor.process(id)).kind).toBe('sent');
    expect(hook.received.map((r) => r.headers['webhook-id']).sort()).toEqual([...ids].sort());
    expect(await types('notify-test', 'down-1.school-a.once')).toEqual(['NotificationRefused', 'NotificationRefused', 'NotificationSent']);
  });

  it('the endpoint\'s window: at most ratePerMinute sends a minute, the next waits for the oldest to leave it', async () => {
    const secret = whsecret();
    const verified = await receiver(webhookReceiver(secret));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, ratePerMinute: 2, settings: { kind: 'webhook', url: verified.url, signingSecret: secret } });
    const ids = await insertOutboxRows(db.database, channel, [1, 2, 3].map((n) => factsFor(`rate-${n}.school-a.once`)));
    const { processor } = testProcessor(db, redis, prefix);
    expect((await processor.process(ids[0])).kind).toBe('sent');
    expect((await processor.process(ids[1])).kind).toBe('sent');
    const third = await processor.process(ids[2]);
    expect(third.kind).toBe('delay');
    expect((third as { ms: number }).ms).toBeGreaterThan(55_000);
    expect(await status(ids[2])).toBe('pending');
    expect(verified.received).toHaveLength(2);
  });

  it('under the virtual clock nothing leaves the machine: an outside endpoint is withheld with what would have been sent, a local one receives', async () => {
    const secret = whsecret();
    const hook = await receiver(webhookReceiver(secret));
    const outside = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'webhook', url: 'https://bureau.example.gov.cn/hooks', signingSecret: secret } });
    const local = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    const [id] = await insertOutboxRows(db.database, outside, [factsFor('vc-1.school-a.once')]);
    const [localId] = await insertOutboxRows(db.database, local, [factsFor('vc-2.school-a.once')]);
    const { processor } = testProcessor(db, redis, prefix, { send: 'loopback' });
    expect(await processor.process(id)).toEqual({ kind: 'withheld', rows: 1 });
    expect(await status(id)).toBe('withheld');
    expect(await processor.process(localId)).toEqual({ kind: 'sent', rows: 1 });
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([localId]);
    const none = testProcessor(db, redis, prefix, { send: 'none' }).processor;
    const [another] = await insertOutboxRows(db.database, local, [factsFor('vc-3.school-a.once')]);
    expect(await none.process(another)).toEqual({ kind: 'withheld', rows: 1 });
    const [event] = await db.eventsOf(deliveryStreamOf('notify-test', 'vc-1.school-a.once'));
    expect(event).toMatchObject({ type: 'NotificationWithheld', data: { text: expect.stringContaining('「任务 vc-1.school-a.once」距截止还有7天。') } });
  });

  it('每日待办汇总: the rows of one slot go as one message at the slot, each row recorded', async () => {
    const secret = whsecret();
    const hook = await receiver(webhookReceiver(secret));
    const channel = await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: { time: '08:30' }, settings: { kind: 'webhook', url: hook.url, signingSecret: secret } });
    const slot = '2026-12-08T00:30:00.000Z';
    const ids = await insertOutboxRows(db.database, channel, [factsFor('dg-1.school-a.once'), factsFor('dg-2.school-a.once', { kind: 'overdue' })], { digestAt: slot });
    const { processor, clock } = testProcessor(db, redis, prefix);
    expect(await processor.process(ids[1])).toEqual({ kind: 'skipped' }); // before 08:30
    await clock.set(new Date(slot));
    expect(await processor.process(ids[1])).toEqual({ kind: 'sent', rows: 2 });
    expect(await processor.process(ids[0])).toEqual({ kind: 'skipped' });
    expect(hook.received).toHaveLength(1);
    const text = (hook.received[0].json.data as { message: { text: string } }).message.text;
    expect(text.split('\n').slice(0, 2)).toEqual(['每日待办汇总 2026年12月8日（星期二）', '共2条：']);
    expect(hook.received[0].json.type).toBe('notification.digest');
    expect(await types('notify-test', 'dg-1.school-a.once')).toEqual(['NotificationSent']);
  });
});
