import type { PhaseObligation } from '@planledger/domain';
import { obligation as fixtureObligation, scheduledPhase } from '@planledger/domain/testing';
import { getPlanOverview } from './queries/plans.queries';
import { phasesOf } from './queries/work-progress.queries';
import { planner, PlanDriver } from './testing/plan-driver';
import { PLAN_ID, smallSchedule } from './testing/small-plan';
import { openPgliteTestStorage, type TestStorage } from './testing/test-storage';

/**
 * Undated phases through the real engine (ADR 0019): the reactor opens the phase after one that
 * closed, by its date or by a planner, and issues the work dated from that opening; the read
 * models name the phase each undated one waits for.
 */
const source = { fileName: 'ordered.yaml', format: 'yaml' as const, text: 'plan: …' };
const ENDS_AT = '2022-08-31T15:59:59.999Z';
const mobilise = scheduledPhase({ phaseId: 'mobilise', name: '动员阶段', focus: [] });
const check = scheduledPhase({ phaseId: 'check', name: '自查阶段', order: 2, opensAt: mobilise.opensAt, closesAt: ENDS_AT, opensAfter: 'mobilise', focus: [] });
const rectify = scheduledPhase({ phaseId: 'rectify', name: '整改阶段', order: 3, opensAt: mobilise.opensAt, closesAt: ENDS_AT, opensAfter: 'check', focus: [] });
const phaseWork = (assignmentId: string, phaseId: string, offsetDays: number): PhaseObligation => {
  const { issueAt: _i, dueAt: _d, phaseId: _p, followOns: _f, ...terms } = fixtureObligation({ assignmentId, measureId: assignmentId.split('.')[0], periodKey: 'once' });
  return { ...terms, phaseId, offsetDays };
};

describe('projections: ordered, undated phases', () => {
  let storage: TestStorage;
  let driver: PlanDriver;
  const db = () => storage.database;
  const statuses = async () => (await phasesOf(db(), [PLAN_ID])).map((p) => [p.phaseId, p.status, p.opensAfter ?? null]);
  const issued = () => db().query<{ assignment_id: string; phase_id: string; issued_at: string; due_at: string }>(
    `select assignment_id, phase_id, to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as issued_at,
       to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due_at
     from read_assignments where plan_id = $1 order by assignment_id`, [PLAN_ID]);

  beforeAll(async () => {
    storage = await openPgliteTestStorage();
    driver = new PlanDriver(storage.store, storage.database);
    await driver.runner.start();
    const schedule = smallSchedule({
      endsAt: ENDS_AT,
      phases: [mobilise, check, rectify],
      obligations: [],
      phaseObligations: [phaseWork('self-check.school-a.once', 'check', 20), phaseWork('rectify-report.school-a.once', 'rectify', 45)],
    });
    await driver.plan('DraftPlan', { schedule, source }, '2022-01-10T00:00:00.000Z');
    await driver.plan('PublishPlan', {}, '2022-01-15T00:00:00.000Z');
  });
  afterAll(async () => {
    await driver?.runner.stop();
    await storage?.close();
  });

  it('shows the undated phases waiting, each naming the phase it opens after', async () => {
    await driver.fireTimersUntil('2022-03-01T00:00:00.000Z');
    expect(await statuses()).toEqual([['mobilise', 'open', null], ['check', 'scheduled', 'mobilise'], ['rectify', 'scheduled', 'check']]);
    expect((await getPlanOverview(db(), PLAN_ID))?.phases.map((p) => p.opensAfter ?? null)).toEqual([null, 'mobilise', 'check']);
    expect(await issued()).toEqual([]);
  });

  it('when the dated phase closes by its date, the next opens and its work is issued then, due 20 days later', async () => {
    await driver.fireTimersUntil('2022-04-02T00:00:00.000Z');
    expect(await statuses()).toEqual([['mobilise', 'closed', null], ['check', 'open', 'mobilise'], ['rectify', 'scheduled', 'check']]);
    expect(await issued()).toEqual([{ assignment_id: 'self-check.school-a.once', phase_id: 'check', issued_at: mobilise.closesAt, due_at: '2022-04-21T00:00:00.000Z' }]);
  });

  it('when a planner closes the undated phase, the one after it opens and issues its own work', async () => {
    const at = '2022-05-10T02:00:00.000Z';
    const closed = await driver.executor.execute({ aggregate: 'phase', planId: PLAN_ID, phaseId: 'check' }, { type: 'ClosePhase', data: { planId: PLAN_ID, phaseId: 'check', trigger: 'planner' }, metadata: { actor: planner, at } });
    expect(closed.ok).toBe(true);
    await driver.settle();
    expect(await statuses()).toEqual([['mobilise', 'closed', null], ['check', 'closed', 'mobilise'], ['rectify', 'open', 'check']]);
    expect((await issued()).find((a) => a.assignment_id === 'rectify-report.school-a.once')).toEqual({ assignment_id: 'rectify-report.school-a.once', phase_id: 'rectify', issued_at: at, due_at: '2022-06-24T02:00:00.000Z' });
  });
});
