import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, expectOk } from '../service/support/http';
import { freePort, ServiceProcess } from '../service/support/service-process';
import { bearerFor } from '../service/support/tokens';

/**
 * Issue #9.7: a newcomer reads every instant in the plan's zone with its offset, never UTC `Z`
 * beside `+08:00`; and finds the department ids at GET /departments.
 */
const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const UTC_INSTANT = /"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"/;

describe('answers of the main routes', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let bureau: Record<string, string>;
  const port = freePort();
  const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(service.baseUrl!, method, path, body, headers ?? bureau);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planledger-newcomer-'));
    service = await ServiceProcess.start({
      args: ['--virtual-clock'],
      port,
      env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: '2026-08-31T09:00:00+08:00', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_NAME: `newcomer-answers-${port}` },
    });
    bureau = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
    expectOk(await api('POST', '/plans?rebase=2026-09-01', yaml), 'import');
    expectOk(await api('POST', `/plans/${PLAN}/publish?confirmPastDue=true`), 'publish');
    expectOk(await api('POST', '/admin/clock', { set: '2026-09-02T09:00:00+08:00' }), 'clock');
  }, 240_000);

  afterAll(async () => {
    if (service) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('write no instant in UTC `Z`: every one carries the plan zone offset', async () => {
    const inbox = expectOk(await api('GET', '/departments/xugou-primary/inbox'), 'inbox') as { items: { assignmentId: string; dueAt: string }[] };
    expect(inbox.items.length).toBeGreaterThan(0);
    const work = inbox.items[0].assignmentId;
    const head = await bearerFor({ dataDir }, { subject: 'xugou-head', roles: ['department_head'], departments: ['xugou-primary'] });
    const paths: [string, string, Record<string, string>?][] = [
      ['POST', `/assignments/${work}/acknowledge`, head],
      ['GET', '/plans'],
      ['GET', `/plans/${PLAN}`],
      ['GET', `/plans/${PLAN}/timeline`],
      ['GET', `/plans/${PLAN}/history`],
      ['GET', '/departments/xugou-primary/inbox'],
      ['GET', '/overdue'],
      ['GET', `/assignments/${work}/history`],
      ['GET', '/departments/xugou-primary/history'],
      ['GET', `/audit/streams/plan-${PLAN}`],
      ['GET', '/admin/clock'],
    ];
    for (const [method, path, headers] of paths) {
      const reply = await api(method, path, undefined, headers);
      expect([method, path, reply.status]).toEqual([method, path, 200]);
      // /audit/streams keeps each event's data as stored (the bytes its hash covers); its envelope is rewritten.
      const body = path.startsWith('/audit/streams/') ? { ...reply.body, events: reply.body.events.map(({ data: _stored, ...envelope }: { data: unknown }) => envelope) } : reply.body;
      const text = JSON.stringify(body);
      expect([path, text.match(UTC_INSTANT)?.[0]]).toEqual([path, undefined]);
      if (path !== '/overdue') expect(text).toMatch(/\+08:00"/); // nothing is overdue two days in
    }
    expect(inbox.items[0].dueAt).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
  });

  it('GET /departments lists the ids the plans name, for inboxes and the simulator', async () => {
    const reply = expectOk(await api('GET', `/departments?planId=${PLAN}`), 'departments') as { departments: { departmentId: string; name: string; planIds: string[] }[] };
    expect(reply.departments).toContainEqual(expect.objectContaining({ departmentId: 'xugou-primary', planIds: [PLAN] }));
    expect(reply.departments.length).toBe(23);
    const head = await bearerFor({ dataDir }, { subject: 'member', roles: ['department_member'], departments: ['xugou-primary'] });
    expect((await api('GET', '/departments', undefined, head)).status).toBe(200);
    expect((await api('GET', '/departments', undefined, {})).status).toBe(401);
  });
});
