import { PlanDefinition, type PlanDefinitionInput } from '@planledger/plan-definition';

type MeasureInput = NonNullable<PlanDefinitionInput['measures']>[number];

/** A small plan shaped like the Lianyun three-year plan: three theme years and a summary stage. */
export const planInput = (overrides: Partial<PlanDefinitionInput> = {}): PlanDefinitionInput => ({
  plan: {
    id: 'lianyun-quality',
    title: '连云区教育教学质量提升三年行动计划(2021—2024年)',
    issuingAuthority: 'lianyun-bureau',
    documentNumber: '连区教〔2021〕124号',
    issueDate: '2021-11-25',
    span: { fromSchoolYear: 2021, toSchoolYear: 2023 },
  },
  departments: [
    { id: 'lianyun-bureau', name: '连云区教育局', kind: 'bureau' },
    { id: 'leading-group', name: '领导小组', kind: 'leading-group', parent: 'lianyun-bureau' },
    { id: 'group-office', name: '领导小组办公室', kind: 'bureau-office', parent: 'lianyun-bureau' },
    { id: 'teaching-office', name: '教学科', kind: 'bureau-office', parent: 'lianyun-bureau' },
    { id: 'school-a', name: '第一中学', kind: 'school' },
    { id: 'school-b', name: '第二中学', kind: 'school' },
    { id: 'school-c', name: '实验小学', kind: 'school' },
  ],
  departmentClasses: [{ id: 'all-schools', name: '各中小学校', membersOfKind: 'school' }],
  organisation: {
    leadingGroup: { id: 'leading-group', name: '领导小组', leader: '局长', office: 'group-office', members: ['teaching-office'] },
    liaisons: [{ id: 'liaison-wang', leader: '王副局长', schools: ['school-a', 'school-b'] }],
  },
  phases: [
    { id: 'norm-year', name: '教育教学规范年', kind: 'theme-year', window: { schoolYear: 2021 } },
    { id: 'improvement-year', name: '课堂教学提升年', kind: 'theme-year', window: { schoolYear: 2022 } },
    { id: 'effectiveness-year', name: '课堂教学效益年', kind: 'theme-year', window: { schoolYear: 2023 } },
  ],
  measures: [],
  ...overrides,
});

export const measure = (id: string, deadline: MeasureInput['deadline'], extra: Partial<MeasureInput> = {}): MeasureInput => ({
  id,
  title: `举措 ${id}`,
  responsible: { lead: 'teaching-office' },
  deadline,
  ...extra,
});

export const definitionWith = (measures: MeasureInput[], overrides: Partial<PlanDefinitionInput> = {}): PlanDefinition =>
  PlanDefinition.parse(planInput({ measures, ...overrides }));
