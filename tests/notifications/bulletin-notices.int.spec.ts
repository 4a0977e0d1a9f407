import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadPlanEvents } from '@planledger/audit';
import type { BulletinTimetable } from '@planledger/domain';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import {
  deleteKeys, dingtalkReceiver, openDeliveryTestDatabase, TEST_REDIS_URL, testProcessor, uniqueQueuePrefix, wecomReceiver, type DeliveryTestDatabase, type LocalReceiver,
} from '@planledger/notification-delivery/testing';
import { rebuildReadModels } from '@planledger/projections';
import { issueBulletin, issueScheduledBulletins } from '@planledger/bulletins';
import { knownHistory } from '@planledger/bulletins/testing';

/*
 * Bulletins through the notification channels (ADR 0025): the known history's plan, school-a on a
 * WeCom robot and school-b on a DingTalk robot (the local receivers check each robot's protocol and
 * signature), a bulletin issued on demand and one by the timetable's sweep. Each department's
 * channel gets one message per bulletin naming it and linking to its .docx through the download
 * route; a second sweep, a replay of the projection and a second delivery attempt add nothing.
 */
const timetable: BulletinTimetable = {
  weekly: 'mon', phaseEnd: false,
  slots: [{ slotId: 'weekly.2022-03-07', dueAt: '2022-03-07T00:00:00.000+08:00', period: { kind: 'window', from: '2022-02-28', to: '2022-03-06' } }],
};

describe('bulletin notices through the channels (PGlite, real Redis, local WeCom and DingTalk robots)', () => {
  let db: DeliveryTestDatabase;
  let redis: Redis;
  const prefix = uniqueQueuePrefix('bulletins');
  const receivers: LocalReceiver[] = [];
  const filesDir = mkdtempSync(join(tmpdir(), 'planledger-bulletin-notices-'));
  const secret = 'SECbulletinbulletinbulletin';
  const project = () => rebuildReadModels({ store: db.store, database: db.database });
  const noticeRows = () => db.outbox.list({ planId: PLAN_ID, limit: 1000 }).then((rows) => rows.filter((r) => r.kind === 'bulletin-issued'));

  beforeAll(async () => {
    db = await openDeliveryTestDatabase();
    redis = new Redis(TEST_REDIS_URL);
    const wecom = await wecomReceiver('KEY-A').up();
    const ding = await dingtalkReceiver('TOKEN-B', secret).up();
    receivers.push(wecom, ding);
    // Channels are set up before anything is recorded: a channel hears only of later events.
    await db.channels.create({ departmentId: 'school-a', locale: 'zh-CN', digest: null, settings: { kind: 'wecom', webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=KEY-A` } });
    await db.channels.create({ departmentId: 'school-b', locale: 'zh-CN', digest: null, settings: { kind: 'dingtalk', webhookUrl: `${ding.url}/robot/send?access_token=TOKEN-B`, signingSecret: secret } });
    const executor = new CommandExecutor(db.store);
    for (const { target, command } of knownHistory({ bulletins: timetable }).steps) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    await project();
  }, 120_000);
  afterAll(async () => {
    for (const r of receivers) await r.down();
    redis?.disconnect();
    await deleteKeys(`bull:${prefix}:*`);
    await db?.close();
  });

  it('when a bulletin is issued on demand and by the sweep (twice), then each department with a channel has one row per bulletin, once', async () => {
    expect(await noticeRows()).toEqual([]);
    const loaded = (await loadPlanEvents(db.store, PLAN_ID))!;
    const { bulletin } = await issueBulletin(loaded, { asOf: { instant: day(10), basis: 'business', requested: day(10) } }, { store: db.store, filesDir, actor: { userId: 'wang.office', role: 'planner' }, now: new Date(day(11)) });
    const swept = await issueScheduledBulletins(loaded, { store: db.store, filesDir, now: new Date(day(12)) });
    expect(swept).toHaveLength(1);
    expect(await issueScheduledBulletins((await loadPlanEvents(db.store, PLAN_ID))!, { store: db.store, filesDir, now: new Date(day(13)) })).toEqual([]);
    await project();
    await project(); // a replay of the same events writes nothing new
    const rows = await noticeRows();
    expect(rows.map((r) => [r.recipientId, r.channelKind, r.facts.bulletin?.number]).sort()).toEqual([
      ['school-a', 'wecom', bulletin.number], ['school-a', 'wecom', swept[0]!.number],
      ['school-b', 'dingtalk', bulletin.number], ['school-b', 'dingtalk', swept[0]!.number],
    ].sort());
    expect(rows.every((r) => r.eventType === 'BulletinIssued' && r.assignmentId === null && r.status === 'pending')).toBe(true);
  });

  it('when the rows are delivered, then the robots receive the bulletin\'s title, number and period with the download link, once each, on the record', async () => {
    const { processor } = testProcessor(db, redis, prefix);
    const rows = await noticeRows();
    for (const row of rows) expect(await processor.process(row.outboxId)).toEqual({ kind: 'sent', rows: 1 });
    for (const row of rows) expect(await processor.process(row.outboxId)).toEqual({ kind: 'skipped' });

    const [wecom, ding] = receivers;
    const wecomTexts = wecom!.received.map((r) => (r.json.markdown as { content: string }).content);
    const dingTexts = ding!.received.map((r) => (r.json.markdown as { text: string }).text);
    expect(wecomTexts).toHaveLength(2);
    expect(dingTexts).toHaveLength(2);
    const swept = rows.find((r) => r.facts.bulletin?.period.kind === 'window')!.facts.bulletin!;
    const sweptText = wecomTexts.find((t) => t.includes(swept.number))!;
    expect(sweptText).toContain(`### 【通报】${swept.title}`);
    expect(sweptText).toContain('甲小学：已印发');
    expect(sweptText).toContain('统计范围：2022-02-28 至 2022-03-06');
    expect(sweptText).toContain(`[下载通报](https://plans.example.edu.cn/plans/${PLAN_ID}/bulletins/${encodeURIComponent(swept.file)})`);
    expect(swept.file).toMatch(/\.docx$/);
    expect(dingTexts.some((t) => t.includes(swept.number) && t.includes('乙小学：已印发') && t.includes(`/plans/${PLAN_ID}/bulletins/${encodeURIComponent(swept.file)}`))).toBe(true);
    expect((await db.eventsOf(`notifications-${PLAN_ID}`)).filter((e) => e.type === 'NotificationSent')).toHaveLength(4);
  });
});
