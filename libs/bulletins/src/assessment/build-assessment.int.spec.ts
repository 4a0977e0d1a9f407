import { randomUUID } from 'node:crypto';
import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import type { AssessmentRubric } from '@planledger/domain';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore, StoredEvent } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { knownHistory } from '../testing/known-history';
import type { UnitAssessment } from './assessment-model';
import { buildAssessment, NoRubricError } from './build-assessment';
import { UnknownAssessmentPeriodError } from './score-assessment';
import { UnreadableSupervisionEventError } from './supervision-records';

/*
 * The known history of testing/known-history.ts (six assignments, three schools; see its comments)
 * with this rubric, plus hand-made stored events of the #15 contract's shapes (targets and
 * inspections are built elsewhere: only their stored events are read here).
 */
const rubric: AssessmentRubric = {
  periods: 'phase',
  base: 100,
  rules: {
    acceptedOnTime: { points: 2 }, acceptedLate: { points: -1 }, overdue: { points: -3 }, escalated: { points: -2 }, returned: { points: -1 },
    finding: { points: -2 }, repeatedFinding: { points: -5 }, targetMet: { points: 5 }, targetMissed: { points: -4, limit: 4 },
  },
  floor: 90,
  cap: 104,
  commend: { top: 1 },
};

const target = (targetId: string, unitId: string | null, status: string, at: string, previousStatus?: string) => ({
  type: 'TargetStatusChanged',
  data: { planId: PLAN_ID, targetId, unitId, period: '2022', status, ...(previousStatus ? { previousStatus } : {}), reason: '测算', at },
});
const finding = (findingId: string, unitId: string, at: string, repeatOf?: string) => ({
  type: 'FindingRecorded',
  data: { planId: PLAN_ID, inspectionId: 'insp-1', findingId, unitId, text: `问题${findingId}`, ...(repeatOf ? { repeatOf } : {}), rectificationAssignmentId: `rectify.${findingId}`, at },
});

// Business times (the due date day(0) is 2022-03-05; the mobilisation phase runs 02-01 … 04-01).
const supervision = [
  finding('f1', 'school-b', day(3)), // 03-08, mobilisation: −2
  finding('f2', 'school-b', day(5), 'f1'), // 03-10, repeats f1: −5
  target('t1', 'school-c', 'met', day(7)), // +5
  target('t2', 'school-b', 'missed', day(7)), // −4, reaches the targetMissed limit of 4
  target('t3', 'school-b', 'missed', day(8)), // −4 cut to 0 by the limit
  target('t4', 'school-a', 'at-risk', day(6)), // neither met nor missed: nothing
  target('t5', 'school-a', 'met', day(6)), // +5 as of day 10 …
  target('t5', 'school-a', 'missed', day(15), 'met'), // … −4 once this later status is on the record
  target('t6', null, 'met', day(7)), // plan-wide: nobody's score
  finding('f3', 'school-a', day(36)), // 04-10, the implementation phase: −2 there only
];

/** The same record with another rubric (or none) in every schedule the plan's events carry. */
const withRubric = (events: readonly StoredEvent[], assessment: AssessmentRubric | undefined): StoredEvent[] =>
  events.map((e) => {
    const data = e.data as { schedule?: object };
    return data.schedule ? { ...e, data: { ...data, schedule: { ...data.schedule, assessment } } } : e;
  });

describe('assessment (考核) on a known history', () => {
  let store: EventStore;
  let loaded: PlanEvents;

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    for (const { target: ref, command } of knownHistory({ assessment: rubric }).steps) {
      const result = await executor.execute(ref, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    for (const e of supervision) {
      await store.append(`plan-${PLAN_ID}`, [{ eventId: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { businessTime: e.data.at } }], 'any');
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  const asOf = (n: number) => ({ instant: day(n), basis: 'business' as const, requested: day(n) });
  const summary = (u: UnitAssessment) => [u.rank, u.unitId, u.earned, u.deducted, u.raw, u.score, u.boundedBy, u.decidedBy, u.commended];

  it('given the rubric, when assessed ten days after the deadline, then the mobilisation phase scores are the hand-computed ones', () => {
    const result = buildAssessment(PLAN_ID, loaded.events, asOf(10));
    // 2022-03-15 lies in the mobilisation phase: the default period. m4 (implementation) and f3 (later) do not count.
    expect(result.period).toEqual({ kind: 'phase', phaseId: 'mobilise', name: '动员阶段' });
    // school-c: m6 on time +2, t1 met +5 → 107, capped at 104; nothing deducted.
    // school-a: m1 on time +2, t5 met +5 (its later miss is not recorded yet); m2 late −1, returned once −1 → 105, capped at 104.
    //   Equal score with school-c; school-c deducted less (0 > −2) → school-c first, school-a second by deductions.
    // school-b: m5 on time +2; m3 overdue −3, escalated −2; f1 −2, f2 repeated −5; t2 missed −4, t3 missed 0 (limit 4 reached)
    //   → 100 + 2 − 16 = 86, held at the floor 90.
    // Commend top 1: school-c.
    expect(result.units.map(summary)).toEqual([
      [1, 'school-c', 7, 0, 107, 104, 'cap', 'first', true],
      [2, 'school-a', 7, -2, 105, 104, 'cap', 'deducted', false],
      [3, 'school-b', 2, -16, 86, 90, 'floor', 'score', false],
    ]);
    expect(result.planWideTargets).toEqual([{ targetId: 't6', period: '2022', status: 'met' }]);
  });

  it('then every point is traced to the assignment, finding or target that earned it', () => {
    const b = buildAssessment(PLAN_ID, loaded.events, asOf(10)).units.find((u) => u.unitId === 'school-b')!;
    expect(b.items.map((i) => [i.rule, i.points, i.limitedFrom, i.source.kind === 'assignment' ? i.source.assignmentId : i.source.kind === 'finding' ? i.source.findingId : i.source.targetId])).toEqual([
      ['overdue', -3, undefined, 'm3.school-b.once'],
      ['escalated', -2, undefined, 'm3.school-b.once'],
      ['acceptedOnTime', 2, undefined, 'm5.school-b.once'],
      ['finding', -2, undefined, 'f1'],
      ['repeatedFinding', -5, undefined, 'f2'],
      ['targetMissed', -4, undefined, 't2'],
      ['targetMissed', 0, -4, 't3'],
    ]);
    expect(b.items[4].source).toMatchObject({ kind: 'finding', repeatOf: 'f1', text: '问题f2' });
  });

  it('given the whole plan as of day 40, then later facts count: m4 overdue, f3, and t5 missed', () => {
    const result = buildAssessment(PLAN_ID, loaded.events, asOf(40), { period: { kind: 'plan' } });
    // school-c: unchanged, 104 (cap).
    // school-a: +2 (m1) −1 (m2 late) −1 (returned) −2 (f3) −4 (t5 now missed) → 94.
    // school-b: as before −16 +2, and m4 (due day 30, never submitted) overdue −3 → 100 + 2 − 19 = 83 → floor 90.
    expect(result.units.map(summary)).toEqual([
      [1, 'school-c', 7, 0, 107, 104, 'cap', 'first', true],
      [2, 'school-a', 2, -8, 94, 94, null, 'score', false],
      [3, 'school-b', 2, -19, 83, 90, 'floor', 'score', false],
    ]);
  });

  it('given a unit list and minScore, then only those units are ranked and commended', () => {
    const only: AssessmentRubric = { ...rubric, units: ['school-a', 'school-b'], commend: { minScore: 95 } };
    const history = withRubric(loaded.events, only);
    const result = buildAssessment(PLAN_ID, history, asOf(40), { period: { kind: 'plan' } });
    expect(result.units.map((u) => [u.unitId, u.score, u.commended])).toEqual([['school-a', 94, false], ['school-b', 90, false]]);
    const ten = buildAssessment(PLAN_ID, history, asOf(10), { period: { kind: 'phase', phaseId: 'mobilise' } });
    expect(ten.units.map((u) => [u.unitId, u.score, u.commended])).toEqual([['school-a', 104, true], ['school-b', 90, false]]);
  });

  it('given an amendment that removes a target, then its statuses count no more from then on (ADR 0023, amended)', () => {
    const published = loaded.events.find((e) => e.type === 'PlanPublished')!;
    const { schedule } = published.data as { schedule: object };
    const last = Math.max(...loaded.events.map((e) => e.recordedAt.getTime()));
    const noChanges = { addedObligations: [], removedAssignmentIds: [], redated: [], updatedAssignmentIds: [], addedPhases: [], removedPhaseIds: [], rescheduledPhases: [], otherChanges: [] };
    const amended: StoredEvent = {
      ...published, type: 'PlanAmended', revision: published.revision + 1000n, recordedAt: new Date(last + 1), metadata: { ...published.metadata, businessTime: day(20) },
      data: { planId: PLAN_ID, amendment: 1, reason: '取消目标', schedule, changes: { ...noChanges, targets: { addedTargetIds: [], removedTargetIds: ['t5'], changed: [] } } },
    };
    const result = buildAssessment(PLAN_ID, [...loaded.events, amended], asOf(40), { period: { kind: 'plan' } });
    // school-a as of day 40 without t5's miss: +2 (m1) −1 (m2 late) −1 (returned) −2 (f3) → 98.
    expect(result.units.find((u) => u.unitId === 'school-a')).toMatchObject({ earned: 2, deducted: -4, score: 98 });
    expect(result.units.find((u) => u.unitId === 'school-a')!.items.some((i) => i.source.kind === 'target')).toBe(false);
  });

  it('rejects a plan without a rubric, an unknown phase, and a stored finding of the wrong shape', () => {
    const without = withRubric(loaded.events, undefined);
    expect(() => buildAssessment(PLAN_ID, without, asOf(10))).toThrow(NoRubricError);
    expect(() => buildAssessment(PLAN_ID, loaded.events, asOf(10), { period: { kind: 'phase', phaseId: 'norm-year' } })).toThrow(UnknownAssessmentPeriodError);
    const bad = loaded.events.map((e) => (e.type === 'FindingRecorded' ? { ...e, data: { ...(e.data as object), unitId: 7 } } : e));
    expect(() => buildAssessment(PLAN_ID, bad, asOf(10))).toThrow(UnreadableSupervisionEventError);
  });
});
