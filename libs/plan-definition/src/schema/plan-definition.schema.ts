import { z } from 'zod';
import { Identifier, LocalDate, SchoolYear, Text } from './primitives.schema';
import { Deadline } from './deadline.schema';
import { EscalationPolicy, HolidayRule, ReminderPolicy } from './policy.schema';

export const DepartmentKind = z.enum([
  'party-committee', 'government', 'bureau', 'bureau-office', 'research-office',
  'township', 'school', 'school-office', 'leading-group', 'work-squad', 'liaison', 'other',
]);

export const Department = z.strictObject({
  id: Identifier,
  name: Text,
  kind: DepartmentKind,
  parent: Identifier.optional(),
});

/** "各中小学校", "各乡镇": a class of units; a measure naming it fans out to every member. */
export const DepartmentClass = z.strictObject({
  id: Identifier,
  name: Text,
  members: z.array(Identifier).optional(),
  membersOfKind: DepartmentKind.optional(),
});

export const Responsibility = z.strictObject({
  lead: Identifier,
  co: z.array(Identifier).default([]),
});

/** 制定方案 → 包点联校负责人审核 → 报办公室. Reviewer "liaison" means the responsible school's liaison. */
export const ReviewChain = z.strictObject({
  reviewedBy: z.array(z.union([Identifier, z.literal('liaison')])).default([]),
  submitTo: Identifier,
});

export const Deliverable = z.strictObject({
  id: Identifier,
  title: Text,
  responsible: Responsibility,
  deadline: Deadline,
  review: ReviewChain.optional(),
});

export const Phase = z.strictObject({
  id: Identifier,
  name: Text,
  kind: z.enum(['theme-year', 'stage']).default('stage'),
  window: z.union([
    z.strictObject({ schoolYear: SchoolYear }),
    z.strictObject({ from: LocalDate, to: LocalDate }),
  ]),
  focus: z.array(Identifier).default([]),
  description: z.string().optional(),
  deliverables: z.array(Deliverable).default([]),
});

export const Programme = z.strictObject({ id: Identifier, name: Text, description: z.string().optional() });

export const Measure = z.strictObject({
  id: Identifier,
  title: Text,
  description: z.string().optional(),
  programme: Identifier.optional(),
  phases: z.array(Identifier).optional(),
  responsible: Responsibility,
  deadline: Deadline,
  review: ReviewChain.optional(),
  reminders: ReminderPolicy.optional(),
  escalation: EscalationPolicy.optional(),
});

export const Target = z.strictObject({
  id: Identifier,
  metric: Text,
  comparison: z.enum(['>=', '<=', '=', 'change-per-year']),
  value: z.number(),
  unit: Text,
  by: z.union([LocalDate, z.strictObject({ schoolYear: SchoolYear })]),
  appliesTo: z.array(Identifier).optional(),
});

export const LeadingGroup = z.strictObject({
  id: Identifier,
  name: Text,
  leader: Text,
  deputies: z.array(Text).default([]),
  members: z.array(Identifier).default([]),
  office: Identifier,
});

export const WorkSquad = z.strictObject({
  id: Identifier,
  name: Text,
  leader: Text.optional(),
  members: z.array(Identifier).min(1),
  duties: z.array(Text).default([]),
});

export const Liaison = z.strictObject({
  id: Identifier,
  leader: Text,
  schools: z.array(Identifier).min(1),
});

export const PlanDefinition = z.strictObject({
  plan: z.strictObject({
    id: Identifier,
    title: Text,
    issuingAuthority: Identifier,
    documentNumber: Text,
    issueDate: LocalDate,
    timeZone: Text.default('Asia/Shanghai'),
    span: z.strictObject({ fromSchoolYear: SchoolYear, toSchoolYear: SchoolYear }),
    validity: z.enum(['in-force', 'repealed']).default('in-force'),
    summary: z.string().optional(),
  }),
  policy: z
    .strictObject({
      holidayRule: HolidayRule.default('next-working-day'),
      reminders: ReminderPolicy.default({ daysBefore: [7, 1] }),
      escalation: EscalationPolicy.default([]),
    })
    .default({ holidayRule: 'next-working-day', reminders: { daysBefore: [7, 1] }, escalation: [] }),
  /** Departments listed here, and/or in a separate file (path relative to this file). */
  departments: z.array(Department).default([]),
  departmentsFile: z.string().optional(),
  departmentClasses: z.array(DepartmentClass).default([]),
  organisation: z
    .strictObject({
      leadingGroup: LeadingGroup.optional(),
      workSquads: z.array(WorkSquad).default([]),
      liaisons: z.array(Liaison).default([]),
    })
    .default({ workSquads: [], liaisons: [] }),
  programmes: z.array(Programme).default([]),
  phases: z.array(Phase).min(1, 'a plan has at least one phase'),
  measures: z.array(Measure).default([]),
  targets: z.array(Target).default([]),
});
export type PlanDefinition = z.infer<typeof PlanDefinition>;
export type PlanDefinitionInput = z.input<typeof PlanDefinition>;

/** A separate departments file: the same department and class entries. */
export const DepartmentsFile = z.strictObject({
  departments: z.array(Department).default([]),
  departmentClasses: z.array(DepartmentClass).default([]),
});
