// A small valid plan for tests; each test edits one spot and checks what is reported there.
export const minimalPlan = `plan:
  id: demo-plan
  title: 示例三年行動計劃
  issuingAuthority: bureau
  documentNumber: 示教〔2021〕1號
  issueDate: 2021-11-25
  span: { fromSchoolYear: 2021, toSchoolYear: 2023 }
policy:
  escalation:
    - { afterDays: 3, to: office }
departments:
  - { id: bureau, name: 區教育局, kind: bureau }
  - { id: office, name: 辦公室, kind: bureau-office }
  - { id: research-office, name: 教研室, kind: research-office }
  - { id: liaison-a, name: 局長(包校), kind: liaison }
  - { id: school-a, name: 第一小學, kind: school }
  - { id: school-b, name: 第二小學, kind: school }
departmentClasses:
  - { id: all-schools, name: 各中小學校, membersOfKind: school }
organisation:
  liaisons:
    - { id: liaison-a, leader: 局長, schools: [all-schools] }
programmes:
  - { id: routine, name: 常規管理規范工程 }
phases:
  - id: norm-year
    name: 規范年
    kind: theme-year
    window: { schoolYear: 2021 }
    focus: [routine]
  - id: improvement-year
    name: 提升年
    kind: theme-year
    window: { schoolYear: 2022 }
measures:
  - id: open-lessons
    title: 公開課
    programme: routine
    responsible: { lead: all-schools, co: [research-office] }
    deadline: { kind: count, atLeast: 1, per: school-year }
  - id: school-plan
    title: 學校方案
    responsible: { lead: all-schools }
    deadline: { kind: phase, phase: norm-year, anchor: start, offsetDays: 30 }
    review: { reviewedBy: [liaison], submitTo: office }
`;

/** 1-based line and column of the first occurrence of `needle` (plus `shift` characters). */
export function positionOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`test text does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Replaces exactly one occurrence, so that a test cannot silently edit nothing. */
export function edit(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)} in the test text`);
  return text.replace(from, to);
}
