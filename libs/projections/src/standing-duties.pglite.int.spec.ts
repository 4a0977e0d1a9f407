import { streamNames } from '@planledger/domain';
import { myInbox } from './queries/my-inbox.queries';
import { PlanDriver } from './testing/plan-driver';
import { obligation, PLAN_ID, smallSchedule } from './testing/small-plan';
import { openPgliteTestStorage, type TestStorage } from './testing/test-storage';

/**
 * 常态化: a standing assignment through the real engine and projections. Issued like any other,
 * it gets no reminder, overdue or escalation timer, is never marked overdue past the end of its
 * window, and shows in the inbox's "standing" group (not in the header's open count).
 */
const source = { fileName: 'standing.yaml', format: 'yaml' as const, text: 'plan: …' };
const STANDING = 'safety.school-a.standing';
const REPORT = 'safety.school-a.report-2021-s2';

describe('projections: a standing duty (常态化)', () => {
  let storage: TestStorage;
  let driver: PlanDriver;
  const db = () => storage.database;
  const timerKinds = (assignmentId: string) =>
    db().query<{ kind: string }>('select kind from read_timers where stream = $1 order by due_at, kind', [streamNames.assignment(PLAN_ID, assignmentId)]);
  const inboxOfSchoolA = (now: string) => myInbox(db(), { reach: new Map([[PLAN_ID, new Set(['school-a'])]]), now: new Date(now), limitPerGroup: 50 });

  beforeAll(async () => {
    storage = await openPgliteTestStorage();
    driver = new PlanDriver(storage.store, storage.database);
    await driver.runner.start();
    const schedule = smallSchedule({
      obligations: [
        obligation({ assignmentId: REPORT, periodKey: 'report-2021-s2', dueAt: '2022-03-01T00:00:00.000Z' }),
        obligation({ assignmentId: STANDING, periodKey: 'standing', standing: true, dueAt: '2022-03-01T00:00:00.000Z' }),
      ],
    });
    await driver.plan('DraftPlan', { schedule, source }, '2022-01-10T00:00:00.000Z');
    await driver.plan('PublishPlan', {}, '2022-01-15T00:00:00.000Z');
  });
  afterAll(async () => {
    await driver?.runner.stop();
    await storage?.close();
  });

  it('issues the standing assignment with no timers, beside a report that has them', async () => {
    await driver.fireTimersUntil('2022-02-01T00:00:00.000Z');
    expect(await timerKinds(STANDING)).toEqual([]);
    expect((await timerKinds(REPORT)).map((t) => t.kind)).toEqual(['reminder', 'reminder', 'overdue', 'escalation', 'escalation']);
  });

  it('keeps it standing, not overdue, after the date its window ends; the report goes overdue', async () => {
    await driver.fireTimersUntil('2022-04-01T00:00:00.000Z');
    const [row] = await db().query<{ status: string; overdue_since: string | null; escalation_level: number }>(
      'select status, overdue_since, escalation_level from read_assignments where plan_id = $1 and assignment_id = $2',
      [PLAN_ID, STANDING],
    );
    expect(row).toEqual({ status: 'issued', overdue_since: null, escalation_level: 0 });
    const inbox = await inboxOfSchoolA('2022-04-01T00:00:00.000Z');
    expect(inbox.items.map((i) => [i.assignmentId, i.group])).toEqual([
      [REPORT, 'overdue'],
      [STANDING, 'standing'],
    ]);
    expect(inbox.counts).toMatchObject({ overdue: 1, standing: 1, inProgress: 0 });
  });
});
