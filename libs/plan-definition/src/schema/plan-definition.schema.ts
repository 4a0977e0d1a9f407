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

/**
 * "各中小学校", "各乡镇": a class of units; a measure naming it fans out to every member.
 * Members are listed, or taken as every department of one kind (both may be combined).
 */
export const DepartmentClass = z.strictObject({
  id: Identifier,
  name: Text,
  members: z.array(Identifier).optional(),
  membersOfKind: DepartmentKind.optional(),
});

export const Responsibility = z.strictObject({
  lead: Identifier.describe('牵头: a department or a class'),
  co: z.array(Identifier).default([]).describe('Co-responsible units (departments or classes)'),
});

/** 制定方案 → 包点联校负责人审核 → 报办公室. Reviewer "liaison" means the responsible school's liaison. */
export const ReviewChain = z.strictObject({
  reviewedBy: z
    .array(z.union([Identifier, z.literal('liaison')]))
    .default([])
    .describe('Reviewer units in order; "liaison" is the drafting school\'s 包校 leader'),
  submitTo: Identifier,
});

/** Quoted sentence of the document an entry encodes: keeps the file auditable against the text. */
const SourceQuote = z.string().optional();

export const Deliverable = z.strictObject({
  id: Identifier,
  title: Text,
  source: SourceQuote,
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
  source: SourceQuote,
  deliverables: z.array(Deliverable).default([]),
});

export const Programme = z.strictObject({ id: Identifier, name: Text, description: z.string().optional() });

/** What sort of duty a measure is; lets read models tell inspections and meetings from tasks. */
export const MeasureKind = z.enum(['task', 'report', 'meeting', 'inspection', 'assessment']);

export const Measure = z.strictObject({
  id: Identifier,
  title: Text,
  kind: MeasureKind.default('task'),
  description: z.string().optional(),
  source: SourceQuote,
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
  source: SourceQuote,
});

// Organisation entries are units too: their ids are declared under departments (kinds
// leading-group, work-squad, liaison) so that work can be assigned and escalated to them.

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

/** 包校: a bureau leader answerable for named schools (units or classes); reviews their drafts. */
export const Liaison = z.strictObject({
  id: Identifier,
  leader: Text,
  schools: z.array(Identifier).min(1),
});

/**
 * An outside event the plan expects but cannot date (迎检 visits, a higher authority's notice,
 * an exam): a planner records its date when it is known; deadlines of kind `event` hang on it.
 * Inspections (`inspection: true`) are recorded against named units and owe nobody anything.
 */
export const OutsideEvent = z.strictObject({
  id: Identifier,
  name: Text,
  expected: z.strictObject({ from: LocalDate, to: LocalDate }).optional().describe('When the plan expects it; shown while it is waiting'),
  recurring: z.boolean().default(false).describe('Happens more than once (each exam): "after" work is owed after each occurrence'),
  inspection: z.boolean().default(false).describe('An unannounced inspection (暗访): recorded against units, creates no deadline'),
});

/** JSON files name their schema with a "$schema" key (YAML files use a comment instead). */
const SchemaReference = z.string().optional();

export const PlanDefinition = z.strictObject({
  $schema: SchemaReference,
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
  departmentsFile: z.string().optional().describe('YAML file with more departments and classes, relative to this file'),
  departmentClasses: z.array(DepartmentClass).default([]).describe('Classes such as 各中小学校 or 各乡镇: naming one fans a measure out to every member'),
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
  events: z.array(OutsideEvent).default([]).describe('Outside events the plan expects, whose dates are recorded later'),
  targets: z.array(Target).default([]),
});
export type PlanDefinition = z.infer<typeof PlanDefinition>;
export type DepartmentKind = z.infer<typeof DepartmentKind>;
export type Department = z.infer<typeof Department>;
export type DepartmentClass = z.infer<typeof DepartmentClass>;
export type Responsibility = z.infer<typeof Responsibility>;
export type ReviewChain = z.infer<typeof ReviewChain>;
export type Deliverable = z.infer<typeof Deliverable>;
export type Phase = z.infer<typeof Phase>;
export type Programme = z.infer<typeof Programme>;
export type MeasureKind = z.infer<typeof MeasureKind>;
export type Measure = z.infer<typeof Measure>;
export type Target = z.infer<typeof Target>;
export type LeadingGroup = z.infer<typeof LeadingGroup>;
export type WorkSquad = z.infer<typeof WorkSquad>;
export type Liaison = z.infer<typeof Liaison>;
export type OutsideEvent = z.infer<typeof OutsideEvent>;
export type PlanDefinitionInput = z.input<typeof PlanDefinition>;

/** A separate departments file: the same department and class entries. */
export const DepartmentsFile = z.strictObject({
  $schema: SchemaReference,
  departments: z.array(Department).default([]),
  departmentClasses: z.array(DepartmentClass).default([]),
});
export type DepartmentsFile = z.infer<typeof DepartmentsFile>;
