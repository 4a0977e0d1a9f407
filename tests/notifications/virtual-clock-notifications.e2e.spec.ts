import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webhookReceiver, whsecret, wecomReceiver, type LocalReceiver, type Received } from '@planledger/notification-delivery/testing';
import { call, expectOk } from '../service/support/http';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';

/**
 * The service under the virtual clock with the Lianyun plan: a school that misses a deadline hears,
 * on each of its channels, issue → reminders → overdue → escalations, once each and in order; its
 * escalation receiver hears the escalation. Nothing leaves the machine: a robot on the internet is
 * withheld (the outbox viewer shows what it would have said), local receivers get the messages.
 */
const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const LATE_WORK = 'norm-year-school-plans.xugou-primary.once'; // due 2022-01-17; escalations to leading-group-office (3 days), quality-leading-group (10)
const EXPECTED = ['assignment-issued', 'reminder-due', 'reminder-due', 'overdue', 'escalated', 'escalated'];

const webhookKinds = (received: Received[], assignmentId: string) =>
  received.flatMap((r) => (r.json.data as { notifications: { assignmentId: string; kind: string }[] }).notifications).filter((n) => n.assignmentId === assignmentId).map((n) => n.kind);

describe('notifications under the virtual clock (service process, PGlite, real Redis)', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let admin: Record<string, string>;
  const port = freePort();
  const secret = whsecret();
  const schoolHook: LocalReceiver = webhookReceiver(secret);
  const officeHook: LocalReceiver = webhookReceiver(secret);
  const schoolRobot: LocalReceiver = wecomReceiver('SCHOOL-ROBOT');
  const api = (method: string, path: string, body?: unknown) => call(service.baseUrl!, method, path, body, admin);

  beforeAll(async () => {
    await Promise.all([schoolHook.up(), officeHook.up(), schoolRobot.up()]);
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-notify-'));
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: {
        DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2021-08-30T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379',
        QUEUE_NAME: `e2e-notify-timers-${port}`, NOTIFY_QUEUE_NAME: `e2e-notify-${port}`, NOTIFY_SWEEP_MS: '100', PUBLIC_URL: 'https://plans.example.edu.cn',
      },
    });
    admin = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
  }, 180_000);

  afterAll(async () => {
    if (service) expect(await service.stop()).toBe(0);
    await Promise.all([schoolHook.down(), officeHook.down(), schoolRobot.down()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('admins set up channels; their secrets are never answered', async () => {
    const channels = [
      { departmentId: 'xugou-primary', settings: { kind: 'webhook', url: `${schoolHook.url}/hooks`, signingSecret: secret } },
      { departmentId: 'xugou-primary', ratePerMinute: 10_000, settings: { kind: 'wecom', webhookUrl: `${schoolRobot.url}/cgi-bin/webhook/send?key=SCHOOL-ROBOT` } },
      // On the internet: under the virtual clock it must never be called.
      { departmentId: 'xugou-primary', settings: { kind: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=REAL-KEY-NEVER-CALLED' } },
      { departmentId: 'leading-group-office', locale: 'en', settings: { kind: 'webhook', url: `${officeHook.url}/hooks`, signingSecret: secret } },
    ];
    for (const channel of channels) expect((await api('POST', '/admin/notification-channels', channel)).status).toBe(201);
    const listed = expectOk(await api('GET', '/admin/notification-channels?department=xugou-primary'), 'channels');
    expect(listed.channels).toHaveLength(3);
    expect(JSON.stringify(listed)).not.toMatch(/REAL-KEY|SCHOOL-ROBOT|whsec_/);
    expect((await call(service.baseUrl!, 'GET', '/admin/notification-channels', undefined, await bearerFor({ dataDir }, { subject: 'p', roles: ['planner'] }))).status).toBe(403);
  });

  it('a school silent past its deadline hears issue, reminders, overdue and escalations once each, in order, on each local channel', async () => {
    expect((await api('POST', '/plans', yaml)).status).toBe(201);
    expectOk(await api('POST', `/plans/${PLAN}/publish`), 'publish');
    expectOk(await api('POST', '/admin/clock', { set: '2022-01-31T12:00:00+08:00' }), 'advance');

    const deadline = Date.now() + 120_000;
    while (webhookKinds(schoolHook.received, LATE_WORK).length < EXPECTED.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Let anything extra (a duplicate) arrive before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(webhookKinds(schoolHook.received, LATE_WORK)).toEqual(EXPECTED);
  });

  it('the escalation receiver hears the escalation (level 1) once, in its language', async () => {
    const deadline = Date.now() + 60_000;
    while (webhookKinds(officeHook.received, LATE_WORK).length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(webhookKinds(officeHook.received, LATE_WORK)).toEqual(['escalated']);
    const message = officeHook.received.find((r) => webhookKinds([r], LATE_WORK).length > 0)!.json.data as { message: { title: string; text: string } };
    expect(message.message.title).toMatch(/^Escalated: /);
    expect(message.message.text).toContain('https://plans.example.edu.cn/app/assignments/lianyun-quality-2021-2024.norm-year-school-plans.xugou-primary.once');
  });

  it('answers what was sent to the school about the assignment: each channel, each attempt; the internet robot withheld', async () => {
    const sent = expectOk(await api('GET', `/departments/xugou-primary/notifications?assignment=${LATE_WORK}`), 'sent');
    const byChannel = new Map<string, { kind: string; status: string }[]>();
    for (const n of sent.notifications) byChannel.set(n.channelKind + (n.status === 'withheld' ? '-withheld' : ''), [...(byChannel.get(n.channelKind + (n.status === 'withheld' ? '-withheld' : '')) ?? []), n]);
    expect(byChannel.get('webhook')!.map((n) => n.kind)).toEqual(EXPECTED);
    expect(byChannel.get('wecom')!.map((n) => n.kind)).toEqual(EXPECTED);
    expect(byChannel.get('wecom-withheld')!.map((n) => n.kind)).toEqual(EXPECTED);
    expect(sent.attempts.filter((a: { type: string }) => a.type === 'NotificationSent')).toHaveLength(2 * EXPECTED.length);
    expect(sent.attempts.filter((a: { type: string }) => a.type === 'NotificationWithheld')).toHaveLength(EXPECTED.length);
    // The robot's markdown carries the same order.
    const robotKinds = schoolRobot.received.map((r) => (r.json.markdown as { content: string }).content).filter((c) => c.includes(`/app/assignments/${PLAN}.${LATE_WORK})`)).map((c) => c.split('\n')[0]);
    expect(robotKinds.map((t) => t.replace(/】.*/, '】'))).toEqual(['### 【新任务】', '### 【到期提醒】', '### 【到期提醒】', '### 【已逾期】', '### 【督办】', '### 【督办】']);
    const viewer = expectOk(await api('GET', '/admin/notifications/outbox?status=withheld&department=xugou-primary&limit=5'), 'viewer');
    expect(viewer.items.length).toBeGreaterThan(0);
    expect(viewer.items[0].message.text).toMatch(/\S/);
  });
});
