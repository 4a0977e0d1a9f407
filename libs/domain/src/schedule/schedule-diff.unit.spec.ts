import { diffSchedules, hasChanges, type ScheduleChanges } from './schedule-diff';
import { day, obligation, schedule, scheduledPhase } from '../testing/fixtures';

const none: ScheduleChanges = { addedObligations: [], removedAssignmentIds: [], redated: [], updatedAssignmentIds: [], addedPhases: [], removedPhaseIds: [], rescheduledPhases: [], otherChanges: [] };
const a = obligation();
const b = obligation({ assignmentId: 'm2.school-a.once', measureId: 'm2' });
const p1 = scheduledPhase();
const p2 = scheduledPhase({ phaseId: 'implement', name: '实施阶段', order: 2, opensAt: '2022-04-01T00:00:00.000Z', closesAt: '2022-07-01T00:00:00.000Z' });
const before = schedule({ obligations: [a, b], phases: [p1, p2] });

describe('diffSchedules', () => {
  it('records changed terms that move no work: the title, a phase focus', () => {
    const retitled = schedule({ obligations: [a, b], phases: [p1, { ...p2, focus: ['teacher-quality'] }], title: '新标题' });
    const changes = diffSchedules(before, retitled);
    expect(changes).toEqual({ ...none, otherChanges: ['title', 'phases.implement'] });
    expect(hasChanges(changes)).toBe(true);
  });
  it('finds nothing between a schedule and itself', () => {
    expect(diffSchedules(before, schedule({ obligations: [a, b], phases: [p1, p2] }))).toEqual(none);
    expect(hasChanges(none)).toBe(false);
  });
  it('added and removed obligations', () => {
    const c = obligation({ assignmentId: 'm3.school-a.once', measureId: 'm3' });
    const changes = diffSchedules(before, schedule({ obligations: [a, c], phases: [p1, p2] }));
    expect(changes).toEqual({ ...none, addedObligations: [c], removedAssignmentIds: [b.assignmentId] });
    expect(hasChanges(changes)).toBe(true);
  });
  it('a moved deadline is redated, not updated', () => {
    const changes = diffSchedules(before, schedule({ obligations: [{ ...a, dueAt: day(10) }, b], phases: [p1, p2] }));
    expect(changes).toEqual({ ...none, redated: [{ assignmentId: a.assignmentId, fromDueAt: a.dueAt, toDueAt: day(10) }] });
  });
  it('the same deadline written with another offset is no change', () => {
    expect(diffSchedules(before, schedule({ obligations: [{ ...a, dueAt: '2022-03-05T08:00:00+08:00' }, b], phases: [p1, p2] }))).toEqual(none);
  });
  it.each([
    ['title', { title: '修订后的任务' }],
    ['reviewers', { reviewers: ['liaison', 'deputy'] }],
    ['reminders', { remindDaysBefore: [3] }],
    ['issue date', { issueAt: day(-40) }],
    ['escalation', { escalation: [] }],
  ])('other terms changed (%s) are updated', (_what, over) => {
    expect(diffSchedules(before, schedule({ obligations: [{ ...a, ...over }, b], phases: [p1, p2] }))).toEqual({ ...none, updatedAssignmentIds: [a.assignmentId] });
  });
  it('a deadline and terms changed together are both redated and updated', () => {
    const changes = diffSchedules(before, schedule({ obligations: [{ ...a, dueAt: day(10), title: 'x' }, b], phases: [p1, p2] }));
    expect(changes.redated.map((r) => r.assignmentId)).toEqual([a.assignmentId]);
    expect(changes.updatedAssignmentIds).toEqual([a.assignmentId]);
  });
  it('a change of responsible unit is one obligation removed and one added', () => {
    const moved = obligation({ assignmentId: 'm1.school-b.once', departmentId: 'school-b' });
    expect(diffSchedules(before, schedule({ obligations: [moved, b], phases: [p1, p2] }))).toEqual({ ...none, addedObligations: [moved], removedAssignmentIds: [a.assignmentId] });
  });
  it('phases added, removed and rescheduled', () => {
    const p3 = scheduledPhase({ phaseId: 'summary', name: '总结阶段', order: 3, opensAt: '2022-07-01T00:00:00.000Z', closesAt: '2022-08-01T00:00:00.000Z' });
    const p1later = { ...p1, closesAt: '2022-04-15T00:00:00.000Z' };
    const changes = diffSchedules(before, schedule({ obligations: [a, b], phases: [p1later, p3] }));
    expect(changes).toEqual({ ...none, addedPhases: [p3], removedPhaseIds: ['implement'], rescheduledPhases: [{ from: p1, to: p1later }] });
  });
  it.each([
    ['opening', { opensAt: '2022-02-02T00:00:00.000Z' }],
    ['closing start', { closingStartsAt: '2022-03-01T00:00:00.000Z' }],
    ['name', { name: '动员部署阶段' }],
  ])('a phase whose %s changed is rescheduled', (_what, over) => {
    expect(diffSchedules(before, schedule({ obligations: [a, b], phases: [{ ...p1, ...over }, p2] })).rescheduledPhases).toEqual([{ from: p1, to: { ...p1, ...over } }]);
  });
  it('a phase window written with another offset is not rescheduled', () => {
    const same = { ...p1, opensAt: '2022-02-01T08:00:00+08:00', closesAt: '2022-04-01T08:00:00.000+08:00' };
    expect(diffSchedules(before, schedule({ obligations: [a, b], phases: [same, p2] }))).toEqual(none);
  });
  it('reports target changes in `targets`, not among otherChanges, and only when there are some', () => {
    const enrolment = { targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold' as const, comparison: '>=' as const, unit: '%', milestones: [{ period: '2024', value: 90 }], unitIds: [] };
    const withTarget = schedule({ obligations: [a, b], phases: [p1, p2], targets: [enrolment] });
    const raised = schedule({ obligations: [a, b], phases: [p1, p2], targets: [{ ...enrolment, milestones: [{ period: '2024', value: 92 }] }] });
    expect(diffSchedules(withTarget, withTarget)).toEqual(none);
    const changes = diffSchedules(withTarget, raised);
    expect(changes).toEqual({ ...none, targets: { addedTargetIds: [], removedTargetIds: [], changed: [{ targetId: 'enrolment', terms: ['value'] }] } });
    expect(hasChanges(changes)).toBe(true);
    expect(diffSchedules(before, withTarget)).toEqual({ ...none, targets: { addedTargetIds: ['enrolment'], removedTargetIds: [], changed: [] } });
  });
  it('a reporting assignment of a new measuredBy is an added obligation like any other', () => {
    const report = obligation({ assignmentId: 'enrolment.office.2024', measureId: 'enrolment', reports: { targetId: 'enrolment', unitId: null, period: '2024' } } as never);
    const enrolment = { targetId: 'enrolment', metric: '学前三年毛入园率', kind: 'threshold' as const, unit: '%', milestones: [{ period: '2024', value: 90 }], unitIds: [] };
    const measured = schedule({ obligations: [a, b, report], phases: [p1, p2], targets: [{ ...enrolment, measuredBy: { departmentIds: ['office'], perUnit: false } }] });
    const changes = diffSchedules(schedule({ obligations: [a, b], phases: [p1, p2], targets: [enrolment] }), measured);
    expect(changes).toEqual({ ...none, addedObligations: [report], targets: { addedTargetIds: [], removedTargetIds: [], changed: [{ targetId: 'enrolment', terms: ['measuredBy'] }] } });
  });
});
