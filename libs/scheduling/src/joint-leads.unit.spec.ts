import fc from 'fast-check';
import { compileSchedule } from './compile-schedule';
import { definitionWith, measure, planInput } from './testing/plan-fixture';

const fixed = { kind: 'fixed' as const, date: '2022-03-04' };
const units = ['teaching-office', 'group-office', 'school-a', 'school-b', 'school-c', 'all-schools'];

describe('joint leads (联合牵头)', () => {
  it('gives each joint lead its own obligation with responsibility lead, co after them', () => {
    const schedule = compileSchedule(
      definitionWith([measure('mechanism', fixed, { responsible: { lead: ['teaching-office', 'group-office'], co: ['school-a'] } })]),
    );
    expect(schedule.obligations.map((o) => [o.assignmentId, o.responsibility])).toEqual([
      ['mechanism.group-office.once', 'lead'],
      ['mechanism.school-a.once', 'co'],
      ['mechanism.teaching-office.once', 'lead'],
    ]);
  });

  it('keeps a unit that is both a joint lead and co-responsible as lead, once', () => {
    const schedule = compileSchedule(definitionWith([measure('m', fixed, { responsible: { lead: ['school-a', 'all-schools'], co: ['school-b'] } })]));
    expect(schedule.obligations.map((o) => [o.departmentId, o.responsibility])).toEqual([
      ['school-a', 'lead'],
      ['school-b', 'lead'],
      ['school-c', 'lead'],
    ]);
  });

  it('has unique assignment ids and a lead obligation for every member of every joint lead, whatever the lists', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...units), { maxLength: 6 }), (lead, co) => {
        const { obligations } = compileSchedule(definitionWith([measure('m', fixed, { responsible: { lead, co } })]));
        const ids = obligations.map((o) => o.assignmentId);
        expect(new Set(ids).size).toBe(ids.length);
        const leadMembers = new Set(lead.flatMap((u) => (u === 'all-schools' ? ['school-a', 'school-b', 'school-c'] : [u])));
        expect(new Set(obligations.filter((o) => o.responsibility === 'lead').map((o) => o.departmentId))).toEqual(leadMembers);
      }),
      { numRuns: 200 },
    );
  });
});

describe('liaison (包校) where a unit goes', () => {
  it('makes each lead school\'s liaison co-responsible, and the receiver of its work', () => {
    const schedule = compileSchedule(
      definitionWith([measure('school-plan', fixed, { responsible: { lead: 'all-schools', co: ['liaison'] }, review: { reviewedBy: [], submitTo: 'liaison' } })]),
    );
    expect(schedule.obligations.map((o) => [o.departmentId, o.responsibility, o.submitTo ?? null])).toEqual([
      // school-c has no liaison: it has no receiver, and adds no co-responsible liaison.
      ['liaison-wang', 'co', null],
      ['school-a', 'lead', 'liaison-wang'],
      ['school-b', 'lead', 'liaison-wang'],
      ['school-c', 'lead', null],
    ]);
  });

  it("escalates (督办) to each school's own liaison, and drops that level where no liaison covers the unit", () => {
    const escalation = [{ afterDays: 3, to: 'liaison' }, { afterDays: 10, to: 'teaching-office' }];
    const schedule = compileSchedule(definitionWith([measure('school-plan', fixed, { responsible: { lead: 'all-schools', co: ['group-office'] }, escalation })]));
    expect(schedule.obligations.map((o) => [o.departmentId, o.escalation.map((level) => `${level.afterDays}→${level.to}`).join(' ')])).toEqual([
      ['group-office', '10→teaching-office'],
      ['school-a', '3→liaison-wang 10→teaching-office'],
      ['school-b', '3→liaison-wang 10→teaching-office'],
      ['school-c', '10→teaching-office'],
    ]);
  });
});

describe('a leading group not yet staffed', () => {
  it('escalates by default to the group when it is a unit, and to nobody when neither it nor an office is', () => {
    const base = planInput();
    const named = compileSchedule(definitionWith([], { organisation: { leadingGroup: { id: 'leading-group', name: '领导小组' } } }));
    expect(named.escalationDefault).toBe('leading-group');
    const unnamed = compileSchedule(
      definitionWith([], {
        departments: base.departments?.filter((d) => d.id !== 'leading-group'),
        organisation: { leadingGroup: { id: 'leading-group', name: '领导小组' } },
      }),
    );
    expect(unnamed.escalationDefault).toBeUndefined();
  });
});

describe('product fan-out (each school × each subject)', () => {
  const semesterly = { kind: 'count' as const, atLeast: 1, per: 'semester' as const };

  it('gives every member of `each` one obligation per subject and period, with the subject recorded', () => {
    const schedule = compileSchedule(
      definitionWith([measure('lesson-study', semesterly, { phases: ['norm-year'], responsible: { lead: { each: 'all-schools', times: ['chinese', 'maths'] }, co: ['teaching-office'] } })]),
    );
    const forSchoolA = schedule.obligations.filter((o) => o.departmentId === 'school-a').map((o) => [o.assignmentId, o.subject]);
    expect(forSchoolA).toEqual([
      ['lesson-study.school-a.chinese-2021-s1', 'chinese'],
      ['lesson-study.school-a.maths-2021-s1', 'maths'],
      ['lesson-study.school-a.chinese-2021-s2', 'chinese'],
      ['lesson-study.school-a.maths-2021-s2', 'maths'],
    ]);
    // The co-responsible office is not multiplied by the subjects.
    expect(schedule.obligations.filter((o) => o.departmentId === 'teaching-office').map((o) => [o.assignmentId, o.subject])).toEqual([
      ['lesson-study.teaching-office.2021-s1', undefined],
      ['lesson-study.teaching-office.2021-s2', undefined],
    ]);
  });

  it('has unique assignment ids, units × subjects × periods of them, whatever the subjects', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('chinese', 'maths', 'english', 'pe', 'art'), { minLength: 1, maxLength: 8 }), (times) => {
        const { obligations } = compileSchedule(definitionWith([measure('m', semesterly, { phases: ['norm-year'], responsible: { lead: { each: 'all-schools', times } } })]));
        const ids = obligations.map((o) => o.assignmentId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(3 * new Set(times).size * 2);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a role as the lead (班主任 of every school), before any roster', () => {
  it('gives the unit holding the role the assignment, with the role recorded; co units carry no role', () => {
    const schedule = compileSchedule(
      definitionWith([measure('home-visits', fixed, { responsible: { lead: { role: 'head-teacher', of: 'all-schools' }, co: ['teaching-office'] } })], {
        roles: [{ id: 'head-teacher', name: '班主任' }],
      }),
    );
    expect(schedule.obligations.map((o) => [o.assignmentId, o.responsibility, o.role])).toEqual([
      ['home-visits.school-a.once', 'lead', 'head-teacher'],
      ['home-visits.school-b.once', 'lead', 'head-teacher'],
      ['home-visits.school-c.once', 'lead', 'head-teacher'],
      ['home-visits.teaching-office.once', 'co', undefined],
    ]);
  });
});
