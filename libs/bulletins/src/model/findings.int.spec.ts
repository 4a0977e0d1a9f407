import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import { rectificationObligation, type AggregateRef, type FindingRecorded } from '@planledger/domain';
import { PLAN_ID, meta, planner, schedule } from '@planledger/domain/testing';
import { CommandExecutor, type EngineCommand } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { layoutBulletin, tablesOf } from '../render/bulletin-layout';
import { buildBulletinModel, sectionOf } from './bulletin-model';

/**
 * The bulletin's findings section (ADR 0024) on a small known history through the engine on PGlite:
 * the spring inspection finds two problems (甲小学 rectifies in time, 乙小学 does not); the summer
 * one finds 甲小学's homework problem again (same code: repeated). The rectifications are issued as
 * the plan workflow issues them (rectificationObligation).
 */
describe('bulletin findings section', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  const S = schedule({
    departments: [
      { id: 'bureau', name: '区教育局', kind: 'bureau' },
      { id: 'supervision', name: '区政府教育督导室', kind: 'office', parent: 'bureau' },
      { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
      { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' },
    ],
    obligations: [],
    inspections: [{ inspectionId: 'spring', name: '春季开学专项督查', inspectingUnitId: 'supervision', unitIds: ['school-a', 'school-b'], rectificationDays: 30 }],
  });
  const plan: AggregateRef = { aggregate: 'plan', planId: PLAN_ID };
  const work = (assignmentId: string): AggregateRef => ({ aggregate: 'assignment', planId: PLAN_ID, assignmentId });
  const MAR1 = '2022-03-01T08:00:00.000Z';

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    const run = async (target: AggregateRef, command: EngineCommand) => {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
      return result.events;
    };
    const issueFor = async (events: readonly { type: string }[]) => {
      const finding = events[0] as FindingRecorded;
      const obligation = rectificationObligation(finding, { inspectingUnitId: 'supervision' }, 'leading-group');
      await run(work(obligation.assignmentId), { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation }, metadata: meta(finding.at, planner) });
      return obligation.assignmentId;
    };
    await run(plan, { type: 'DraftPlan', data: { planId: PLAN_ID, schedule: S, source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, metadata: meta('2021-08-01T00:00:00.000Z', planner) });
    await run(plan, { type: 'PublishPlan', data: { planId: PLAN_ID }, metadata: meta('2021-08-01T00:00:00.000Z', planner) });
    await run(plan, { type: 'RecordInspection', data: { planId: PLAN_ID, inspectionId: 'spring', date: '2022-03-01' }, metadata: meta(MAR1, planner) });
    const a1 = await issueFor(await run(plan, { type: 'RecordFinding', data: { planId: PLAN_ID, inspectionId: 'spring', unitId: 'school-a', text: '作业公示不到位', code: 'homework' }, metadata: meta(MAR1, planner) }));
    await issueFor(await run(plan, { type: 'RecordFinding', data: { planId: PLAN_ID, inspectionId: 'spring', unitId: 'school-b', text: '课后服务台账不全' }, metadata: meta(MAR1, planner) }));
    const head = { userId: 'u-a', role: 'department_head' as const, departmentId: 'school-a' };
    await run(work(a1), { type: 'SubmitAssignment', data: { assignmentId: a1, note: '已整改' }, metadata: meta('2022-03-20T08:00:00.000Z', head) });
    await run(work(a1), { type: 'AcceptAssignment', data: { assignmentId: a1, note: '整改到位' }, metadata: meta('2022-03-21T08:00:00.000Z', { userId: 'u-s', role: 'department_head', departmentId: 'supervision' }) });
    const JUN1 = '2022-06-01T08:00:00.000Z';
    await run(plan, { type: 'RecordInspection', data: { planId: PLAN_ID, inspectionId: 'summer', date: '2022-06-01', inspectingUnitId: 'supervision', unitIds: ['school-a'] }, metadata: meta(JUN1, planner) });
    await issueFor(await run(plan, { type: 'RecordFinding', data: { planId: PLAN_ID, inspectionId: 'summer', unitId: 'school-a', text: '作业总量仍超标', code: 'homework' }, metadata: meta(JUN1, planner) }));
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  const asOf = (instant: string) => buildBulletinModel(PLAN_ID, loaded.events, { instant, basis: 'business', requested: instant });

  it('before any finding there is no findings section', () => {
    expect(sectionOf(asOf('2022-02-28T00:00:00.000Z'), 'findings')).toBeUndefined();
  });

  it('as of 10 June: three findings, 甲小学 rectified once and repeated once, 乙小学 overdue', () => {
    const section = sectionOf(asOf('2022-06-10T00:00:00.000Z'), 'findings')!;
    expect(section.findings.map((f) => [f.findingId, f.unit.name, f.rectification.status, f.rectification.overdue, f.repeatOf])).toEqual([
      ['spring-1', '甲小学', 'accepted', false, null],
      ['spring-2', '乙小学', 'issued', true, null],
      ['summer-1', '甲小学', 'issued', false, 'spring-1'],
    ]);
    expect(section.byUnit).toEqual([
      { unitId: 'school-a', name: '甲小学', findings: 2, repeated: 1, rectified: 1, overdue: 0 },
      { unitId: 'school-b', name: '乙小学', findings: 1, repeated: 0, rectified: 0, overdue: 1 },
    ]);
    expect(section.findings[1].inspectingUnit).toEqual({ id: 'supervision', name: '区政府教育督导室' });
    expect(section.findings[1].rectification.dueDate).toBe('2022-03-31');
  });

  it('as of 15 March: only the spring findings, both being rectified; the bulletin lays them out as a table', () => {
    const model = asOf('2022-03-15T00:00:00.000Z');
    const section = sectionOf(model, 'findings')!;
    expect(section.findings.map((f) => [f.findingId, f.rectification.status, f.rectification.overdue])).toEqual([['spring-1', 'issued', false], ['spring-2', 'issued', false]]);
    const layout = layoutBulletin(model, { title: '通报', number: '1', issuedOn: '2022-03-15' } as never);
    const table = tablesOf(layout).find((t) => t.sheet === '督查问题')!;
    expect(table.rows.map((r) => [r[1], r[2], r[5]])).toEqual([['甲小学', '作业公示不到位', '整改中'], ['乙小学', '课后服务台账不全', '整改中']]);
  });
});
