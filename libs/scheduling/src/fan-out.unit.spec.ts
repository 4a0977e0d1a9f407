import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

const fixed = { kind: 'fixed' as const, date: '2022-03-04' };

describe('department fan-out', () => {
  it('gives every member of a class its own obligation, lead for lead', () => {
    const schedule = compileSchedule(definitionWith([measure('school-plan', fixed, { responsible: { lead: 'all-schools' } })]));
    expect(schedule.obligations.map((o) => [o.assignmentId, o.responsibility])).toEqual([
      ['school-plan.school-a.once', 'lead'],
      ['school-plan.school-b.once', 'lead'],
      ['school-plan.school-c.once', 'lead'],
    ]);
  });

  it('marks co-responsible units co, and a unit named twice keeps its lead role once', () => {
    const schedule = compileSchedule(
      definitionWith([measure('joint', fixed, { responsible: { lead: 'school-a', co: ['teaching-office', 'all-schools', 'teaching-office'] } })]),
    );
    expect(schedule.obligations.map((o) => [o.departmentId, o.responsibility])).toEqual([
      ['school-a', 'lead'],
      ['school-b', 'co'],
      ['school-c', 'co'],
      ['teaching-office', 'co'],
    ]);
  });

  it('takes explicit members and members of a kind together', () => {
    const definition = definitionWith([measure('m', fixed, { responsible: { lead: 'secondary' } })], {
      departmentClasses: [{ id: 'secondary', name: '各中学', members: ['school-b', 'school-a'] }],
    });
    expect(compileSchedule(definition).obligations.map((o) => o.departmentId)).toEqual(['school-a', 'school-b']);
  });

  it('refuses a responsible unit that does not exist', () => {
    expect(() => compileSchedule(definitionWith([measure('m', fixed, { responsible: { lead: 'nobody' } })]))).toThrow(/"nobody"/);
  });
});

describe('review chains, reminders and escalation', () => {
  const reviewed = measure('school-plan', fixed, {
    responsible: { lead: 'all-schools' },
    review: { reviewedBy: ['liaison', 'teaching-office'], submitTo: 'group-office' },
  });

  it('resolves "liaison" to the school liaison leader and drops it for schools without one', () => {
    const byDepartment = Object.fromEntries(compileSchedule(definitionWith([reviewed])).obligations.map((o) => [o.departmentId, o]));
    expect(byDepartment['school-a'].reviewers).toEqual(['liaison-wang', 'teaching-office']);
    expect(byDepartment['school-c'].reviewers).toEqual(['teaching-office']);
    expect(byDepartment['school-c'].submitTo).toBe('group-office');
  });

  it('resolves a liaison named for a class of schools', () => {
    const definition = definitionWith([reviewed], { organisation: { liaisons: [{ id: 'liaison-li', leader: '李副局长', schools: ['all-schools'] }] } });
    expect(compileSchedule(definition).obligations.map((o) => o.reviewers[0])).toEqual(['liaison-li', 'liaison-li', 'liaison-li']);
  });

  it('leaves submitTo out and reviewers empty without a review chain', () => {
    const [obligation] = compileSchedule(definitionWith([measure('m', fixed)])).obligations;
    expect(obligation.reviewers).toEqual([]);
    expect('submitTo' in obligation).toBe(false);
  });

  it('takes reminders and escalation from the measure, else from the plan policy', () => {
    const definition = definitionWith(
      [
        measure('own', fixed, { reminders: { daysBefore: [1, 14, 3] }, escalation: [{ afterDays: 3, to: 'group-office' }] }),
        measure('plain', fixed),
      ],
      { policy: { escalation: [{ afterDays: 7, to: 'leading-group' }] } },
    );
    const byMeasure = Object.fromEntries(compileSchedule(definition).obligations.map((o) => [o.measureId, o]));
    expect(byMeasure.own.remindDaysBefore).toEqual([14, 3, 1]);
    expect(byMeasure.own.escalation).toEqual([{ afterDays: 3, to: 'group-office' }]);
    expect(byMeasure.plain.remindDaysBefore).toEqual([7, 1]);
    expect(byMeasure.plain.escalation).toEqual([{ afterDays: 7, to: 'leading-group' }]);
  });

  it('escalates by default to the leading group, or its office when the group is not a department', () => {
    expect(compileSchedule(definitionWith([])).escalationDefault).toBe('leading-group');
    const input = planInput();
    const withoutGroupDepartment = definitionWith([], { departments: input.departments?.filter((d) => d.id !== 'leading-group') });
    expect(compileSchedule(withoutGroupDepartment).escalationDefault).toBe('group-office');
    expect('escalationDefault' in compileSchedule(definitionWith([], { organisation: {} }))).toBe(false);
  });
});

describe('phase deliverables', () => {
  it('become obligations of their phase, keyed by the deliverable id', () => {
    const input = planInput();
    const phases = input.phases.map((phase) =>
      phase.id === 'norm-year'
        ? {
            ...phase,
            deliverables: [
              { id: 'norm-year-plan', title: '规范年实施方案', responsible: { lead: 'all-schools' }, deadline: { kind: 'phase' as const, phase: 'norm-year', anchor: 'start' as const, offsetDays: 30 } },
            ],
          }
        : phase,
    );
    const schedule = compileSchedule(definitionWith([], { phases }));
    expect(schedule.obligations).toHaveLength(3);
    expect(schedule.obligations[0]).toMatchObject({
      assignmentId: 'norm-year-plan.school-a.once',
      measureId: 'norm-year-plan',
      title: '规范年实施方案',
      phaseId: 'norm-year',
      issueAt: '2021-09-01T00:00:00.000+08:00',
      dueAt: '2021-10-08T23:59:59.999+08:00', // 1 October is National Day: moved to the first working day after the break
    });
  });
});
