import { planDecider } from '../plan/plan.decider';
import type { PlanCommand, PlanEvent } from '../index';
import { DeciderSpecification } from '../testing/decider-spec';
import { head, meta, PLAN_ID, planEvent as ev, planner, schedule } from '../testing/fixtures';

/** ADR 0024: inspections and their findings on the plan stream. */
const spec = DeciderSpecification.for(planDecider);
const S = schedule({
  departments: [
    { id: 'bureau', name: '区教育局', kind: 'bureau' },
    { id: 'supervision', name: '区政府教育督导室', kind: 'office', parent: 'bureau' },
    { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
    { id: 'school-b', name: '乙小学', kind: 'school', parent: 'bureau' },
  ],
  outsideEvents: [{ eventId: 'spot', name: '暗访', recurring: true, inspection: true }],
  inspections: [{ inspectionId: 'spring-2022', name: '春季开学专项督查', inspectingUnitId: 'supervision', unitIds: ['school-a', 'school-b'], date: '2022-03-01', rectificationDays: 20 }],
});
const drafted = ev('PlanDrafted', { planId: PLAN_ID, schedule: S, source: { fileName: 'p.yaml', format: 'yaml', text: '' } }, '2021-11-25T00:00:00.000Z', planner);
const published = ev('PlanPublished', { planId: PLAN_ID, schedule: S }, '2021-11-26T00:00:00.000Z', planner);
const AT = '2022-03-01T06:00:00.000Z';
const LATER = '2022-09-10T06:00:00.000Z';

const recordInspection = (data: Partial<Extract<PlanCommand, { type: 'RecordInspection' }>['data']>, at = AT): PlanCommand =>
  ({ type: 'RecordInspection', data: { planId: PLAN_ID, inspectionId: 'spring-2022', date: '2022-03-01', ...data }, metadata: meta(at, planner) });
const recordFinding = (data: Partial<Extract<PlanCommand, { type: 'RecordFinding' }>['data']>, at = AT): PlanCommand =>
  ({ type: 'RecordFinding', data: { planId: PLAN_ID, inspectionId: 'spring-2022', unitId: 'school-a', text: '作业公示不到位', ...data }, metadata: meta(at, planner) });

const inspection = (inspectionId: string, unitIds: string[], at = AT, scheduled = true): PlanEvent =>
  ev('InspectionRecorded', { planId: PLAN_ID, inspectionId, inspectingUnitId: 'supervision', unitIds, date: at.slice(0, 10), scheduled, recordedBy: planner.userId, at }, at, planner);
const finding = (inspectionId: string, n: number, unitId: string, text: string, over: Record<string, unknown> = {}, at = AT): PlanEvent =>
  ev('FindingRecorded', {
    planId: PLAN_ID, inspectionId, findingId: `${inspectionId}-${n}`, unitId, text,
    rectificationAssignmentId: `rectify-${inspectionId}.${unitId}.finding-${n}`, at, dueAt: new Date(Date.parse(at) + 20 * 86_400_000).toISOString(), ...over,
  } as never, at, planner);

describe('record an inspection', () => {
  it('given a published plan naming the inspection, when it is recorded, then it takes the plan\'s inspecting unit and units and is marked scheduled', () => {
    const state = spec.given([drafted, published]).when(recordInspection({})).then([inspection('spring-2022', ['school-a', 'school-b'])]);
    expect(state.inspections?.['spring-2022']).toEqual({ inspectingUnitId: 'supervision', unitIds: ['school-a', 'school-b'], date: '2022-03-01', findings: 0 });
  });
  it('an unannounced inspection names its inspecting unit and units; it may be an outside event marked inspection', () => {
    spec.given([drafted, published]).when(recordInspection({ inspectionId: 'night-walk', inspectingUnitId: 'supervision', unitIds: ['school-b'], eventId: 'spot' })).then([
      ev('InspectionRecorded', { planId: PLAN_ID, inspectionId: 'night-walk', inspectingUnitId: 'supervision', unitIds: ['school-b'], date: '2022-03-01', scheduled: false, eventId: 'spot', recordedBy: planner.userId, at: AT }, AT, planner),
    ]);
  });
  it('refuses what it cannot record, naming the field', () => {
    const given = spec.given([drafted, published]);
    given.when(recordInspection({ inspectionId: 'night-walk' })).thenFails({ code: 'invalid_command', field: 'inspectingUnitId' });
    given.when(recordInspection({ inspectionId: 'night-walk', inspectingUnitId: 'supervision' })).thenFails({ code: 'invalid_command', field: 'unitIds' });
    given.when(recordInspection({ unitIds: ['school-z'] })).thenFails({ code: 'invalid_command', field: 'unitIds' });
    given.when(recordInspection({ inspectingUnitId: 'nobody' })).thenFails({ code: 'invalid_command', field: 'inspectingUnitId' });
    given.when(recordInspection({ date: '3月1日' })).thenFails({ code: 'invalid_command', field: 'date' });
    given.when(recordInspection({ inspectionId: 'a.b', inspectingUnitId: 'supervision', unitIds: ['school-a'] })).thenFails({ code: 'invalid_command', field: 'inspectionId' });
    given.when(recordInspection({ eventId: 'visit' })).thenFails({ code: 'invalid_command', field: 'eventId' });
    spec.given([drafted, published, inspection('spring-2022', ['school-a'])]).when(recordInspection({})).thenFails({ code: 'invalid_command', field: 'inspectionId' });
  });
});

describe('record a finding', () => {
  const history = [drafted, published, inspection('spring-2022', ['school-a', 'school-b'])];
  it('given a recorded inspection, when two findings are recorded, then each is numbered and names its rectification, due the plan\'s 20 days later', () => {
    const after1 = spec.given(history).when(recordFinding({})).then([finding('spring-2022', 1, 'school-a', '作业公示不到位')]);
    expect(after1.findings).toEqual([{ findingId: 'spring-2022-1', inspectionId: 'spring-2022', unitId: 'school-a' }]);
    spec.given([...history, finding('spring-2022', 1, 'school-a', '作业公示不到位')]).when(recordFinding({ unitId: 'school-b', text: '课后服务台账不全' }))
      .then([finding('spring-2022', 2, 'school-b', '课后服务台账不全')]);
  });
  it('a finding may give its own deadline: days, or an instant', () => {
    spec.given(history).when(recordFinding({ rectificationDays: 10 })).then([finding('spring-2022', 1, 'school-a', '作业公示不到位', { dueAt: '2022-03-11T06:00:00.000Z' })]);
    spec.given(history).when(recordFinding({ dueAt: '2022-03-31T15:59:59.999Z' })).then([finding('spring-2022', 1, 'school-a', '作业公示不到位', { dueAt: '2022-03-31T15:59:59.999Z' })]);
    spec.given(history).when(recordFinding({ dueAt: '2022-02-01T00:00:00.000Z' })).thenFails({ code: 'invalid_command', field: 'dueAt' });
  });
  it('given an earlier finding with the same code for the same unit in another inspection, then the new one is marked as repeating it', () => {
    const earlier = [...history, finding('spring-2022', 1, 'school-a', '作业总量超标', { code: 'homework' })];
    const autumn = inspection('autumn-2022', ['school-a', 'school-b'], LATER, false);
    spec.given([...earlier, autumn]).when(recordFinding({ inspectionId: 'autumn-2022', text: '作业总量仍超标', code: 'homework', rectificationDays: 20 }, LATER))
      .then([finding('autumn-2022', 1, 'school-a', '作业总量仍超标', { code: 'homework', repeatOf: 'spring-2022-1' }, LATER)]);
    // Another unit's finding of the same code is no repeat; nor is a different code.
    spec.given([...earlier, autumn]).when(recordFinding({ inspectionId: 'autumn-2022', unitId: 'school-b', text: '作业总量超标', code: 'homework', rectificationDays: 20 }, LATER))
      .then([finding('autumn-2022', 1, 'school-b', '作业总量超标', { code: 'homework' }, LATER)]);
    spec.given([...earlier, autumn]).when(recordFinding({ inspectionId: 'autumn-2022', text: '安全台账缺失', code: 'safety', rectificationDays: 20 }, LATER))
      .then([finding('autumn-2022', 1, 'school-a', '安全台账缺失', { code: 'safety' }, LATER)]);
  });
  it('the recorder may name the finding it repeats; only an earlier finding of the same unit', () => {
    const earlier = [...history, finding('spring-2022', 1, 'school-a', '作业总量超标')];
    spec.given(earlier).when(recordFinding({ text: '复查仍未整改', repeatOf: 'spring-2022-1' })).then([finding('spring-2022', 2, 'school-a', '复查仍未整改', { repeatOf: 'spring-2022-1' })]);
    spec.given(earlier).when(recordFinding({ unitId: 'school-b', repeatOf: 'spring-2022-1' })).thenFails({ code: 'invalid_command', field: 'repeatOf' });
  });
  it('refuses a finding for an inspection not recorded, a unit not inspected, or no text', () => {
    spec.given([drafted, published]).when(recordFinding({})).thenFails({ code: 'invalid_command', field: 'inspectionId' });
    spec.given([drafted, published, inspection('spring-2022', ['school-b'])]).when(recordFinding({})).thenFails({ code: 'invalid_command', field: 'unitId' });
    spec.given(history).when(recordFinding({ text: '  ' })).thenFails({ code: 'invalid_command', field: 'text' });
  });
  it('is recorded with the actor who recorded it (the API checks it is a planner or the inspecting unit)', () => {
    const { decision } = spec.given(history).when({ ...recordFinding({}), metadata: meta(AT, head) }).decision();
    expect(decision.ok && decision.events[0]!.actor).toEqual(head);
  });
});
