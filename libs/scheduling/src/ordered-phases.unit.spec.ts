import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

// ADR 0019: an undated phase (after: previous) is placed after the phase it follows; its work is dated from its opening.
const phases = [
  ...(planInput().phases ?? []).slice(0, 1),
  { id: 'self-check', name: '自诊自查阶段', after: 'previous' as const },
  { id: 'rectify', name: '整改阶段', after: 'previous' as const, deliverables: [{ id: 'rectify-report', title: '整改报告', responsible: { lead: 'all-schools' }, deadline: { kind: 'phase' as const, phase: 'rectify', anchor: 'start' as const, offsetDays: 45 } }] },
  ...(planInput().phases ?? []).slice(1),
];

describe('compileSchedule: ordered, undated phases', () => {
  const schedule = compileSchedule(definitionWith([measure('self-check-report', { kind: 'phase', phase: 'self-check', anchor: 'start', offsetDays: 20 }, { phases: ['self-check'] })], { phases }));

  it('places each undated phase right after the phase it follows, earliest opening its chain\'s first dated phase, closing at the plan\'s end', () => {
    expect(schedule.phases.map((p) => [p.phaseId, p.order, p.opensAfter ?? null])).toEqual([
      ['norm-year', 1, null], ['self-check', 2, 'norm-year'], ['rectify', 3, 'self-check'], ['improvement-year', 4, null], ['effectiveness-year', 5, null],
    ]);
    const [normYear, selfCheck, rectify] = schedule.phases;
    expect([selfCheck.opensAt, rectify.opensAt]).toEqual([normYear.opensAt, normYear.opensAt]);
    expect([selfCheck.closesAt, rectify.closesAt]).toEqual([schedule.endsAt, schedule.endsAt]);
  });

  it('compiles their work to phase obligations (issued when the phase opens), not dated obligations', () => {
    expect(schedule.obligations.filter((o) => o.measureId === 'self-check-report' || o.measureId === 'rectify-report')).toEqual([]);
    expect(schedule.phaseObligations?.map((o) => [o.assignmentId, o.phaseId, o.offsetDays])).toEqual([
      ['self-check-report.teaching-office.once', 'self-check', 20],
      ['rectify-report.school-a.once', 'rectify', 45],
      ['rectify-report.school-b.once', 'rectify', 45],
      ['rectify-report.school-c.once', 'rectify', 45],
    ]);
  });

  it('leaves schedules of plans without undated phases as they were', () => {
    const plain = compileSchedule(definitionWith([measure('m', { kind: 'fixed', date: '2022-03-01' })]));
    expect('phaseObligations' in plain).toBe(false);
    expect(plain.phases.some((p) => 'opensAfter' in p)).toBe(false);
  });
});
