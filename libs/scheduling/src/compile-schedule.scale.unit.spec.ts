import { PlanDefinition } from '@planledger/plan-definition';
import { compileSchedule } from './compile-schedule';
import { measure, planInput } from './testing/plan-fixture';

/** The realistic bench: a county with 200 schools and 60 measures over three school years. */
const countyPlan = (): PlanDefinition => {
  const input = planInput();
  const schools = Array.from({ length: 200 }, (_, i) => ({ id: `school-${String(i + 1).padStart(3, '0')}`, name: `学校${i + 1}`, kind: 'school' as const }));
  const shapes = [
    { kind: 'yearly' as const, month: 11, day: 'end' as const },
    { kind: 'count' as const, atLeast: 1, per: 'semester' as const },
    { kind: 'count' as const, atLeast: 2, per: 'month' as const },
  ];
  const measures = Array.from({ length: 60 }, (_, i) =>
    measure(`measure-${String(i + 1).padStart(2, '0')}`, shapes[i % shapes.length], {
      responsible: { lead: 'all-schools', co: ['teaching-office'] },
      review: { reviewedBy: ['liaison'], submitTo: 'group-office' },
    }),
  );
  return PlanDefinition.parse({
    ...input,
    departments: [...(input.departments ?? []).filter((d) => d.kind !== 'school'), ...schools],
    organisation: { ...input.organisation, liaisons: [{ id: 'liaison-wang', leader: '王副局长', schools: schools.slice(0, 100).map((s) => s.id) }] },
    measures,
  });
};

describe('compileSchedule at county scale', () => {
  // Speed is measured by `npm run bench:simulate` (it prints the compile time), not by a timed test.
  it('compiles 60 measures × 201 units over three years into one obligation per unit and period', () => {
    const schedule = compileSchedule(countyPlan());
    // 20 measures each: yearly (3), semester (6), month (36) periods, for 200 schools and one office.
    expect(schedule.obligations).toHaveLength(20 * (3 + 6 + 36) * 201);
    expect(new Set(schedule.obligations.map((o) => o.assignmentId)).size).toBe(schedule.obligations.length);
  });
});
