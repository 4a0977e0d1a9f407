import type { SqlQueryable } from '@planledger/event-store';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { headOf, PlanDriver } from '../testing/plan-driver';
import { smallSchedule } from '../testing/small-plan';
import { openPgliteTestStorage, type TestStorage } from '../testing/test-storage';

const source = { fileName: 'proj-test.yaml', format: 'yaml' as const, text: 'plan: …' };

/** What the admin routes write (libs/notification-delivery's channel store); the projection reads only these columns. */
async function addChannel(db: SqlQueryable, id: string, departmentId: string, kind: string, digestTime: string | null = null): Promise<void> {
  await db.query(
    `insert into notification_channels (channel_id, department_id, kind, label, locale, digest_time, settings, secret, rate_per_minute, created_at, updated_at)
     values ($1, $2, $3, $1, 'zh-CN', $4, '{}', 'x', 20, now(), now())`,
    [id, departmentId, kind, digestTime],
  );
}

const outbox = (db: SqlQueryable, where = 'true') =>
  db.query<{ channel_id: string; recipient_id: string; kind: string; assignment_id: string | null; urgent: boolean; digest_at: string | null; due_at: string }>(
    `select channel_id, recipient_id, kind, assignment_id, urgent,
       to_char(digest_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as digest_at, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as due_at
     from notification_outbox where ${where} order by event_at, position, recipient_id, channel_id`,
  );

describe('notifications projection (PGlite): the outbox is written with the projection batch', () => {
  let storage: TestStorage;
  let driver: PlanDriver;
  const db = () => storage.database;

  beforeAll(async () => {
    storage = await openPgliteTestStorage();
    driver = new PlanDriver(storage.store, storage.database);
    await addChannel(storage.database, 'a-hook', 'school-a', 'webhook');
    await addChannel(storage.database, 'a-mail', 'school-a', 'email', '08:30');
    await addChannel(storage.database, 'office-robot', 'office', 'wecom');
    await driver.runner.start();
  });
  afterAll(async () => {
    await driver?.runner.stop();
    await storage?.close();
  });

  it('given a publication, then each channel of each unit with work gets one row; a digest channel waits for the next working-day slot', async () => {
    await driver.plan('DraftPlan', { schedule: smallSchedule(), source }, '2022-01-10T00:00:00.000Z');
    expect(await outbox(db())).toEqual([]); // a draft tells nobody
    // Saturday 15 January 2022, 08:00 in Shanghai.
    await driver.plan('PublishPlan', {}, '2022-01-15T00:00:00.000Z');
    expect(await outbox(db())).toEqual([
      { channel_id: 'a-hook', recipient_id: 'school-a', kind: 'plan-published', assignment_id: null, urgent: false, digest_at: null, due_at: '2022-01-15T00:00Z' },
      // Monday 17 January 08:30 Shanghai: the weekend has no digest.
      { channel_id: 'a-mail', recipient_id: 'school-a', kind: 'plan-published', assignment_id: null, urgent: false, digest_at: '2022-01-17T00:30Z', due_at: '2022-01-17T00:30Z' },
    ]);
  });

  it('given school-a silent past its deadline, then it hears issue, two reminders, overdue and two escalations once each in order, and the escalation receiver hears its escalation at once', async () => {
    await driver.fireTimersUntil('2022-03-16T00:00:00.000Z');
    const m2 = await outbox(db(), "assignment_id = 'm2.school-a.once'");
    expect(m2.filter((r) => r.channel_id === 'a-hook').map((r) => r.kind)).toEqual(['assignment-issued', 'reminder-due', 'reminder-due', 'overdue', 'escalated', 'escalated']);
    // Level 1 goes to the office (its robot), level 2 to the leading group (no channel set up).
    expect(m2.filter((r) => r.channel_id === 'office-robot').map((r) => [r.kind, r.urgent, r.digest_at])).toEqual([['escalated', true, null]]);
    // The digest channel: escalations go at once, the rest waits for 08:30 on a working day.
    const mail = m2.filter((r) => r.channel_id === 'a-mail');
    // Both escalations are on the digest channel (not vacuously "every" of none), urgent and not held for the slot.
    expect(mail.filter((r) => r.kind === 'escalated').map((r) => [r.urgent, r.digest_at])).toEqual([[true, null], [true, null]]);
    expect(mail.map((r) => r.kind)).toEqual(['assignment-issued', 'reminder-due', 'reminder-due', 'overdue', 'escalated', 'escalated']);
    expect(mail.filter((r) => r.kind !== 'escalated').every((r) => r.digest_at !== null && r.digest_at.endsWith('T00:30Z'))).toBe(true);
    // Phase news reaches the units responsible in the phase.
    expect((await outbox(db(), "kind = 'phase-opened'")).map((r) => [r.recipient_id, r.channel_id])).toEqual([['school-a', 'a-hook'], ['school-a', 'a-mail']]);
  });

  it('given a return, then the holder hears it at once even on its digest channel', async () => {
    await driver.assignment('SubmitAssignment', 'm1.school-a.once', headOf('school-a'), '2022-03-17T00:00:00.000Z', { note: '方案' });
    await driver.assignment('ReturnAssignment', 'm1.school-a.once', headOf('liaison'), '2022-03-18T00:00:00.000Z', { reason: '缺少附件' });
    const returned = await outbox(db(), "kind = 'returned'");
    expect(returned.map((r) => [r.channel_id, r.urgent, r.digest_at])).toEqual([['a-hook', true, null], ['a-mail', true, null]]);
    const [{ facts }] = await db().query<{ facts: { reason: string } }>("select facts from notification_outbox where kind = 'returned' limit 1");
    expect(facts.reason).toBe('缺少附件');
  });

  it('given a rebuild of the read models, then the outbox keeps exactly its rows; a channel set up since hears nothing of the past', async () => {
    const before = await outbox(db());
    await addChannel(db(), 'late-robot', 'school-a', 'dingtalk');
    await driver.runner.stop();
    await rebuildReadModels({ store: storage.store, database: db() });
    expect(await outbox(db())).toEqual(before);
  });
});
