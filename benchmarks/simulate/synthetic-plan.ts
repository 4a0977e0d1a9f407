import { PlanDefinition, type PlanDefinitionInput } from '@planledger/plan-definition';

/** A plan the size of a large county: 3 school years, `measures` measures, `schools` schools. */
export function syntheticPlan(measures = 60, schools = 200): PlanDefinition {
  const schoolIds = Array.from({ length: schools }, (_, i) => `school-${String(i + 1).padStart(3, '0')}`);
  const deadlines = [
    { kind: 'yearly', month: 11, day: 'end' },
    { kind: 'count', atLeast: 2, per: 'semester' },
    { kind: 'count', atLeast: 1, per: 'month' },
    { kind: 'phase', phase: 'year-2', anchor: 'end', offsetDays: -20 },
  ] as const;
  const input: PlanDefinitionInput = {
    plan: {
      id: 'synthetic-county', title: '合成县三年行动计划', issuingAuthority: 'bureau', documentNumber: '合教〔2021〕1号',
      issueDate: '2021-08-20', timeZone: 'Asia/Shanghai', span: { fromSchoolYear: 2021, toSchoolYear: 2023 },
    },
    policy: { holidayRule: 'next-working-day', reminders: { daysBefore: [7, 1] }, escalation: [{ afterDays: 3, to: 'office' }, { afterDays: 10, to: 'leading-group' }] },
    departments: [
      { id: 'bureau', name: '县教育局', kind: 'bureau' },
      { id: 'office', name: '领导小组办公室', kind: 'bureau-office', parent: 'bureau' },
      { id: 'leading-group', name: '领导小组', kind: 'leading-group' },
      ...schoolIds.map((id, i) => ({ id, name: `第${i + 1}学校`, kind: 'school' as const, parent: 'bureau' })),
    ],
    departmentClasses: [{ id: 'every-school', name: '各中小学校', membersOfKind: 'school' }],
    programmes: [{ id: 'quality', name: '质量提升工程' }],
    phases: [2021, 2022, 2023].map((y, i) => ({ id: `year-${i + 1}`, name: `第${i + 1}主题年`, kind: 'theme-year' as const, window: { schoolYear: y }, focus: ['quality'] })),
    measures: Array.from({ length: measures }, (_, i) => ({
      id: `m-${String(i + 1).padStart(2, '0')}`,
      title: `举措${i + 1}`,
      programme: 'quality',
      responsible: { lead: 'every-school', co: [] },
      deadline: deadlines[i % deadlines.length],
      review: { reviewedBy: [], submitTo: 'office' },
    })),
  };
  return PlanDefinition.parse(input);
}
