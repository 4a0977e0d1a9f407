import { streamNames } from '@planledger/domain';
import { getAssignment } from '../queries/assignment.queries';
import { departmentInbox, overdueList } from '../queries/inbox.queries';
import { getPlanOverview, listPlans } from '../queries/plans.queries';
import { upcomingTimers } from '../queries/timers.queries';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { headOf, PlanDriver } from './plan-driver';
import { obligation, PLAN_ID, smallSchedule } from './small-plan';
import { snapshotReadModels } from './table-snapshot';
import type { OpenTestStorage, TestStorage } from './test-storage';

const source = { fileName: 'proj-test.yaml', format: 'yaml' as const, text: 'plan: …' };
const A = { m1: 'm1.school-a.once', m2: 'm2.school-a.once', m3: 'm3.school-a.2022', m4: 'm4.school-a.2022', b1: 'm1.school-b.once' };

/**
 * One plan driven through the real engine, asserting the read models at each step; then a
 * rebuild must give the same tables. Run against PGlite and PostgreSQL.
 */
export function describeProjectionScenario(label: string, open: OpenTestStorage): void {
  describe(`projections on ${label}: one plan from publication to close`, () => {
    let storage: TestStorage;
    let driver: PlanDriver;
    const db = () => storage.database;
    const timersOf = (assignmentId: string) =>
      db().query<{ kind: string; due_at: string }>(
        `select kind, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD') as due_at from read_timers where stream = $1 order by due_at, kind`,
        [streamNames.assignment(PLAN_ID, assignmentId)],
      );

    beforeAll(async () => {
      storage = await open();
      driver = new PlanDriver(storage.store, storage.database);
      await driver.runner.start();
    });
    afterAll(async () => {
      await driver?.runner.stop();
      await storage?.close();
    });

    it('publishing writes the plan, its phases (scheduled by the reactor) and the schedule timers with not_before = publication', async () => {
      await driver.plan('DraftPlan', { schedule: smallSchedule(), source }, '2022-01-10T00:00:00.000Z');
      expect(await listPlans(db())).toMatchObject([{ planId: PLAN_ID, status: 'draft', progress: { total: 5, notIssued: 5 } }]);
      await driver.plan('PublishPlan', {}, '2022-01-15T00:00:00.000Z');

      const overview = await getPlanOverview(db(), PLAN_ID);
      expect(overview?.plan).toMatchObject({ status: 'published', publishedAt: '2022-01-15T00:00:00.000Z', amendments: 0, startsAt: '2021-08-31T16:00:00.000Z' });
      expect(overview?.phases.map((p) => [p.phaseId, p.status, p.opensAt, p.closingStartsAt])).toEqual([
        ['mobilise', 'scheduled', '2022-02-01T00:00:00.000Z', '2022-03-18T00:00:00.000Z'],
        ['implement', 'scheduled', '2022-04-01T00:00:00.000Z', '2022-06-17T00:00:00.000Z'],
      ]);
      const kinds = await db().query<{ kind: string; n: number; not_before: string }>(
        `select kind, count(*)::int as n, min(to_char(not_before at time zone 'UTC', 'YYYY-MM-DD')) as not_before from read_timers group by kind order by kind`,
      );
      expect(kinds).toEqual([
        { kind: 'assignment-issue', n: 5, not_before: '2022-01-15' },
        { kind: 'phase-close', n: 2, not_before: '2022-01-15' },
        { kind: 'phase-closing', n: 2, not_before: '2022-01-15' },
        { kind: 'phase-open', n: 2, not_before: '2022-01-15' },
      ]);
    });

    it('issuing replaces the issue timer by the reminders, the overdue mark and the escalations', async () => {
      await driver.fireTimersUntil('2022-02-01T00:00:00.000Z');
      expect(await timersOf(A.m2)).toEqual([
        { kind: 'reminder', due_at: '2022-02-26' },
        { kind: 'reminder', due_at: '2022-03-04' },
        { kind: 'overdue', due_at: '2022-03-05' },
        { kind: 'escalation', due_at: '2022-03-08' },
        { kind: 'escalation', due_at: '2022-03-15' },
      ]);
      const [phase] = (await getPlanOverview(db(), PLAN_ID))!.phases;
      expect(phase).toMatchObject({ status: 'open', openedAt: '2022-02-01T00:00:00.000Z', progress: { total: 3, byStatus: { issued: 3 } } });
    });

    it('follows the work: submissions, reviews, reminders, overdue marks and escalations', async () => {
      await driver.assignment('SubmitAssignment', A.m1, headOf('school-a'), '2022-02-20T00:00:00.000Z', { note: '方案' });
      await driver.assignment('SubmitAssignment', A.b1, headOf('school-b'), '2022-02-20T00:00:00.000Z', { note: '方案' });
      await driver.assignment('AcceptAssignment', A.b1, headOf('liaison'), '2022-02-21T00:00:00.000Z');
      await driver.assignment('AcceptAssignment', A.b1, headOf('office'), '2022-02-22T00:00:00.000Z');
      expect(await timersOf(A.m1)).toEqual([]);
      await driver.fireTimersUntil('2022-03-09T00:00:00.000Z');

      const m2 = await getAssignment(db(), PLAN_ID, A.m2);
      expect(m2).toMatchObject({ status: 'issued', overdueSince: '2022-03-05T00:00:00.000Z', escalationLevel: 1, remindersSent: 2, dueAt: '2022-03-05T00:00:00.000Z' });
      expect(m2?.pendingTimers.map((t) => [t.kind, t.dueAt])).toEqual([['escalation', '2022-03-15T00:00:00.000Z']]);
      expect(await getAssignment(db(), PLAN_ID, A.m1)).toMatchObject({ status: 'submitted', currentReviewer: 'liaison', reviewers: ['liaison', 'office'] });
      expect(await getAssignment(db(), undefined, A.b1)).toMatchObject({ planId: PLAN_ID, status: 'accepted', acceptedAt: '2022-02-22T00:00:00.000Z' });
    });

    it('orders the inbox overdue first, then by deadline, then by id; lists overdue work', async () => {
      await driver.fireTimersUntil('2022-04-01T00:00:00.000Z');
      const inbox = await departmentInbox(db(), 'school-a', '2022-04-02T00:00:00.000Z');
      expect(inbox.map((i) => [i.assignmentId, i.overdue, i.status])).toEqual([
        [A.m2, true, 'issued'],
        [A.m1, false, 'submitted'],
        [A.m3, false, 'issued'],
        [A.m4, false, 'issued'],
      ]);
      expect(inbox[0]).toMatchObject({ planTitle: '质量提升行动计划', escalationLevel: 2, allowedActions: expect.arrayContaining(['SubmitAssignment']) });
      expect(await departmentInbox(db(), 'school-b', '2022-04-02T00:00:00.000Z')).toEqual([]);
      expect((await overdueList(db())).map((a) => a.assignmentId)).toEqual([A.m2]);
      expect(await overdueList(db(), { planId: 'other-plan' })).toEqual([]);
      // Not yet overdue by the domain's mark, but past its deadline for whoever looks on 1 June.
      const june = await departmentInbox(db(), 'school-a', '2022-06-01T00:00:00.000Z');
      expect(june.map((i) => [i.assignmentId, i.overdue])).toEqual([[A.m2, true], [A.m3, true], [A.m4, true], [A.m1, false]]);
    });

    it('reports progress per plan, phase and department, and what is scheduled next', async () => {
      const [plan] = await listPlans(db());
      expect(plan.progress).toEqual({ total: 5, notIssued: 0, byStatus: { issued: 3, submitted: 1, accepted: 1 }, accepted: 1, percentAccepted: 20 });
      const overview = (await getPlanOverview(db(), PLAN_ID))!;
      expect(overview.phases.map((p) => [p.phaseId, p.status, p.progress.total])).toEqual([['mobilise', 'closed', 3], ['implement', 'open', 2]]);
      expect(overview.byDepartment.map((d) => [d.departmentId, d.name, d.progress.total, d.progress.percentAccepted])).toEqual([
        ['school-a', '甲小学', 4, 0],
        ['school-b', '乙小学', 1, 100],
      ]);
      expect(overview.assignments.map((a) => a.assignmentId)).toEqual([A.m1, A.b1, A.m2, A.m3, A.m4]);
      const next = await upcomingTimers(db(), PLAN_ID, { limit: 3 });
      expect(next.map((t) => [t.kind, t.dueAt, t.target])).toEqual([
        ['reminder', '2022-05-25T00:00:00.000Z', { aggregate: 'assignment', planId: PLAN_ID, assignmentId: A.m3 }],
        ['reminder', '2022-05-25T00:00:00.000Z', { aggregate: 'assignment', planId: PLAN_ID, assignmentId: A.m4 }],
        ['reminder', '2022-05-31T00:00:00.000Z', { aggregate: 'assignment', planId: PLAN_ID, assignmentId: A.m3 }],
      ]);
      expect(await upcomingTimers(db(), PLAN_ID, { limit: 1, after: '2022-06-30T00:00:00.000Z' })).toMatchObject([{ kind: 'phase-close', dueAt: '2022-07-01T00:00:00.000Z' }]);
    });

    it('finds an assignment by bare id, by plan-qualified ref, or not at all', async () => {
      expect(await getAssignment(db(), undefined, `${PLAN_ID}.${A.m2}`)).toMatchObject({ assignmentId: A.m2, ref: `${PLAN_ID}.${A.m2}` });
      expect(await getAssignment(db(), undefined, 'm9.nowhere.once')).toBeUndefined();
      expect(await getAssignment(db(), 'other-plan', A.m2)).toBeUndefined();
      expect(await getPlanOverview(db(), 'other-plan')).toBeUndefined();
    });

    it('an amendment re-dates timers but never brings back the issue timer of issued work', async () => {
      const amended = smallSchedule({
        obligations: [
          ...smallSchedule().obligations.map((o) =>
            o.assignmentId === A.m1 ? { ...o, issueAt: '2022-02-05T00:00:00.000Z' } : o.assignmentId === A.m4 ? { ...o, dueAt: '2022-06-15T00:00:00.000Z' } : o,
          ),
          obligation({ assignmentId: 'm5.school-b.2022', departmentId: 'school-b', phaseId: 'implement', issueAt: '2022-05-01T00:00:00.000Z', dueAt: '2022-06-20T00:00:00.000Z' }),
        ],
      });
      await driver.plan('AmendPlan', { schedule: amended, reason: '调整时间' }, '2022-04-10T00:00:00.000Z');
      const issueTimers = await db().query<{ timer_id: string; not_before: string }>(
        `select timer_id, to_char(not_before at time zone 'UTC', 'YYYY-MM-DD') as not_before from read_timers where kind = 'assignment-issue'`,
      );
      expect(issueTimers).toEqual([{ timer_id: expect.stringContaining('m5.school-b.2022'), not_before: '2022-01-15' }]);
      expect((await timersOf(A.m4)).map((t) => t.due_at)).toEqual(['2022-06-08', '2022-06-14', '2022-06-15', '2022-06-18', '2022-06-25']);
      expect((await listPlans(db()))[0]).toMatchObject({ amendments: 1, progress: { total: 6, notIssued: 1 } });
    });

    it('closing the plan withdraws its timers', async () => {
      await driver.plan('ClosePlan', { reason: '期满' }, '2022-08-31T15:59:59.999Z');
      expect((await listPlans(db()))[0]).toMatchObject({ status: 'closed', closedAt: '2022-08-31T15:59:59.999Z' });
      expect(await db().query('select timer_id from read_timers')).toEqual([]);
    });

    it('a rebuild gives identical tables and keeps timer_firings and the reactions checkpoint', async () => {
      await driver.runner.stop();
      const before = await snapshotReadModels(db());
      const firings = await db().query('select count(*)::int as n from timer_firings');
      const reactions = await db().query(`select commit_position, prepare_position from read_checkpoints where name = 'reactions'`);
      const progress: [number, number][] = [];
      const result = await rebuildReadModels({ store: storage.store, database: db(), batchSize: 7, onProgress: (done, total) => progress.push([done, total]) });

      expect(await snapshotReadModels(db())).toEqual(before);
      expect(before.read_assignments).toHaveLength(6 - 1); // m5 was never issued
      expect(await db().query('select count(*)::int as n from timer_firings')).toEqual(firings);
      expect(await db().query(`select commit_position, prepare_position from read_checkpoints where name = 'reactions'`)).toEqual(reactions);
      expect(result.conflicts).toBe(0);
      expect(progress[0]).toEqual([0, result.events]);
      expect(progress[progress.length - 1]).toEqual([result.events, result.events]);
      await driver.runner.start();
    });
  });
}
