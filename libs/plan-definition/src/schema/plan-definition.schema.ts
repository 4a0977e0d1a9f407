import { z } from 'zod';
import { Identifier, LocalDate, SchoolYear, Text } from './primitives.schema';
import { Deadline } from './deadline.schema';
import { AsapWorkingDays, EscalationPolicy, HolidayRule, ReminderPolicy } from './policy.schema';
import { SchoolCalendar } from './school-calendar.schema';
import { Assessment, BulletinSchedule } from './assessment.schema';

export const DepartmentKind = z.enum([
  'party-committee', 'government', 'bureau', 'bureau-office', 'research-office',
  'township', 'school', 'school-office', 'leading-group', 'work-squad', 'liaison', 'other',
  // Issue 13: units below a school and preschools.
  'kindergarten', 'subject-group', 'grade-office', 'class',
  // 职业学校/中职 and 特殊教育学校: county plans name them beside the 中小学校.
  'vocational-school', 'special-education-school',
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

/**
 * 牵头: one unit or class, or several joint leads (联合牵头) written as a list. Each joint lead
 * gets its own assignment with responsibility 'lead' (docs/plan-language/joint-leads.md).
 */
export const Lead = z.union([
  Identifier,
  z.array(Identifier).min(1, 'name at least one lead unit'),
  /**
   * "由各校班主任负责": a role (declared under `roles`) held in a unit or in every member of a
   * class. Until a roster names the persons, the assignment goes to the unit holding the role,
   * with the role recorded on it (docs/plan-language/roles.md).
   */
  z.strictObject({
    role: Identifier.describe('a role declared under roles, e.g. head-teacher'),
    of: Identifier.describe('the unit or class whose holders of the role are responsible, e.g. all-schools'),
  }),
  /** "各学校各学科": every member of `each` once per subject in `times` (docs/plan-language/joint-leads.md). */
  z.strictObject({
    each: Identifier.describe('a unit or class, e.g. all-schools'),
    times: z.array(Identifier).min(1).describe('subjects (or other labels), e.g. [chinese, maths]: one assignment per unit and subject'),
  }),
]);

export const Responsibility = z.strictObject({
  lead: Lead.describe('牵头: a department or a class, or a list of joint leads (联合牵头)'),
  co: z
    .array(z.union([Identifier, z.literal('liaison')]))
    .default([])
    .describe('Co-responsible units (departments or classes); "liaison" is each lead school\'s 包校 leader'),
});

/** The lead units of a responsibility, in the order written (one, or the joint leads). */
export const leadsOf = (responsible: { lead: string | readonly string[] | { each: string } | { of: string } }): readonly string[] =>
  typeof responsible.lead === 'string'
    ? [responsible.lead]
    : 'each' in responsible.lead
      ? [responsible.lead.each]
      : 'of' in responsible.lead
        ? [responsible.lead.of]
        : responsible.lead;

/** The role a lead names (`{ role, of }`), else undefined. */
export const leadRoleOf = (responsible: { lead: unknown }): string | undefined =>
  typeof responsible.lead === 'object' && responsible.lead !== null && 'role' in responsible.lead ? (responsible.lead as { role: string }).role : undefined;

/** The labels a product fan-out multiplies each lead unit by; undefined for a plain lead. */
export const leadTimesOf = (responsible: { lead: string | readonly string[] | { times: readonly string[] } | { role: string } }): readonly string[] | undefined =>
  typeof responsible.lead === 'object' && 'times' in responsible.lead ? responsible.lead.times : undefined;

/** 制定方案 → 包点联校负责人审核 → 报办公室. Reviewer "liaison" means the responsible school's liaison. */
export const ReviewChain = z.strictObject({
  reviewedBy: z
    .array(z.union([Identifier, z.literal('liaison')]))
    .default([])
    .describe('Reviewer units in order; "liaison" is the drafting school\'s 包校 leader'),
  submitTo: z.union([Identifier, z.literal('liaison')]).describe('The receiving unit; "liaison" is the drafting school\'s 包校 leader'),
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
  /** Overrides policy.holidayRule for this deliverable. */
  holidayRule: HolidayRule.optional(),
});

export const Phase = z.strictObject({
  id: Identifier,
  name: Text,
  // 'step': steps of a campaign (工作步骤) may overlap one another (docs/plan-language/spans-and-phases.md).
  kind: z.enum(['theme-year', 'stage', 'step']).default('stage'),
  window: z.union([
    z.strictObject({ schoolYear: SchoolYear }),
    // No `to`: open-ended, the phase runs until the plan ends (its span's last day).
    z.strictObject({ from: LocalDate, to: LocalDate.optional().describe('Last day; leave out for "until the plan ends"') }),
  ]).optional().describe('When the phase runs; left out only for an undated phase (after: previous)'),
  /** "第一阶段…完成后进入第二阶段": no dates; opens when the phase before it closes (docs/plan-language/ordered-phases.md). */
  after: z.literal('previous').optional().describe('An undated phase: it opens when the phase listed before it closes (a planner closes it); give no window'),
  focus: z.array(Identifier).default([]),
  description: z.string().optional(),
  source: SourceQuote,
  deliverables: z.array(Deliverable).default([]),
});

/** 班主任, 骨干教师, a named post: a role persons hold in a unit; a roster names them later. */
export const Role = z.strictObject({ id: Identifier, name: Text, description: z.string().optional() });

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
  /** Overrides policy.holidayRule for this measure. */
  holidayRule: HolidayRule.optional(),
  reminders: ReminderPolicy.optional(),
  escalation: EscalationPolicy.optional(),
});

/** 入园率达到99%以上 (threshold), 通过评估 (pass-fail), 达到优秀等级 (grade), 翻番 (ratio), 新增学位 (cumulative), 逐年提高 (rising), 零发生 (held). */
export const TargetKind = z.enum(['threshold', 'pass-fail', 'grade', 'ratio', 'cumulative', 'rising', 'held']);

/** A milestone period: a calendar year (2023 or "2023") or a school year ("2022-2023"). */
export const TargetPeriod = z.union([
  z.number().int().min(1990).max(2100),
  z.string().regex(/^\d{4}(-\d{4})?$/, 'write a period as a year ("2023") or a school year ("2022-2023")'),
]);

/**
 * Who reports a target's value and when: one reporting assignment per unit (or for the plan) and
 * milestone period, due on `due` (month-day) inside that period (docs/plan-language/targets.md).
 */
export const MeasuredBy = z.strictObject({
  by: Identifier.optional().describe('The reporting unit; default: each unit the target applies to reports its own value'),
  due: z.string().regex(/^\d{2}-\d{2}$/, 'write the due day as MM-DD, e.g. "11-30"').describe('Month and day the value is due in each period, e.g. "11-30"'),
  title: Text.optional().describe('Title of the reporting assignment; default: 报送 + the metric'),
});

/**
 * Entries written before issue 15 (metric, comparison, value, unit, by) stay valid: they are
 * thresholds, and `change-per-year` is a rising target whose step is the value (ADR 0023).
 */
export const Target = z.strictObject({
  id: Identifier,
  metric: Text,
  kind: TargetKind.optional().describe('Default threshold (or rising, for comparison change-per-year)'),
  comparison: z.enum(['>=', '<=', '=', 'change-per-year']).optional().describe('threshold: how values compare with the target; default >='),
  value: z.union([z.number(), z.boolean(), Text]).optional().describe('The target: a number; a level (grade); true (pass-fail, default); a multiple of the baseline (ratio); the most allowed (held, default 0)'),
  unit: Text.optional().describe('Unit of measure (%, 所, 人, 起); needed by every kind but pass-fail and grade'),
  by: z.union([LocalDate, z.strictObject({ schoolYear: SchoolYear })]),
  milestones: z.record(z.string(), z.union([z.number(), z.boolean(), Text])).optional().describe('Per period before the end: what must hold by then, e.g. { "2022": 95, "2023": 97 }'),
  baseline: z.strictObject({ period: TargetPeriod, value: z.number() }).optional().describe('The base year\'s value: needed by ratio (翻番), optional for rising'),
  levels: z.array(Text).min(2).optional().describe('grade: the levels, lowest first, e.g. [合格, 良好, 优秀]'),
  direction: z.enum(['up', 'down']).optional().describe('rising: which way is better; default up'),
  step: z.number().positive().optional().describe('rising: the least change per year, e.g. 0.5 (个百分点)'),
  measuredBy: MeasuredBy.optional(),
  appliesTo: z.array(Identifier).optional(),
  source: SourceQuote,
});

// Organisation entries are units too: their ids are declared under departments (kinds
// leading-group, work-squad, liaison) so that work can be assigned and escalated to them.

/**
 * A leading group whose leader or office the document does not name yet ("成立领导小组, 组长由...担任"
 * to be filled in later) may leave them out: escalation then goes to the group itself when it is
 * a department, else to its office, else nowhere by default (docs/plan-language/joint-leads.md).
 */
export const LeadingGroup = z.strictObject({
  id: Identifier,
  name: Text,
  leader: Text.optional(),
  deputies: z.array(Text).default([]),
  members: z.array(Identifier).default([]),
  office: Identifier.optional(),
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

/**
 * The plan's span: whole school years (2021—2024学年度), or calendar dates ("2023年11月至2024年6月").
 * Nothing is issued or due outside it (docs/plan-language/spans-and-phases.md).
 */
export const PlanSpan = z.union([
  z.strictObject({ fromSchoolYear: SchoolYear, toSchoolYear: SchoolYear }),
  z.strictObject({ from: LocalDate.describe('First day, e.g. 2023-11-01'), to: LocalDate.describe('Last day, e.g. 2024-06-30') }),
]);
export type PlanSpan = z.infer<typeof PlanSpan>;

/**
 * An inspection (督查) the plan names (ADR 0024): who inspects (`by`), whom (`units`: units or
 * classes such as 各中小学校), when it is planned (`date`, optional), and how many days a finding's
 * rectification (限期整改) is given by default. It is recorded when it takes place; each finding
 * then issues a rectification to the inspected unit, reviewed by the inspecting unit.
 */
export const Inspection = z.strictObject({
  id: Identifier,
  name: Text,
  source: z.string().optional().describe('The plan\'s own words'),
  by: Identifier.describe('The inspecting unit (督导室, 教育局): it reviews every rectification'),
  units: z.union([Identifier, z.array(Identifier).min(1)]).describe('The units inspected: units or classes'),
  date: LocalDate.optional().describe('When it is planned (local date); recorded when it takes place'),
  rectification: z
    .strictObject({ days: z.number().int().positive().describe('Days from a finding to its rectification deadline (限期整改)') })
    .default({ days: 30 }),
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
    span: PlanSpan,
    publishOn: LocalDate.optional().describe('When the plan is published, if not on its issue date (docs/plan-language/spans-and-phases.md)'),
    validity: z.enum(['in-force', 'repealed']).default('in-force'),
    summary: z.string().optional(),
  }),
  policy: z
    .strictObject({
      holidayRule: HolidayRule.default('next-working-day'),
      reminders: ReminderPolicy.default({ daysBefore: [7, 1] }),
      escalation: EscalationPolicy.default([]),
      asapWorkingDays: AsapWorkingDays.optional().describe('尽快: working days after issue for deadlines of kind asap; default 5'),
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
  schoolCalendarFile: z.string().optional().describe('YAML file with a schoolCalendar: section (校历), relative to this file; the plan\'s own terms win'),
  schoolCalendar: SchoolCalendar.optional().describe('校历: term dates per school year (deadlines of kind term and per-term); default terms when left out'),
  programmes: z.array(Programme).default([]),
  roles: z.array(Role).default([]).describe('Roles such as 班主任 or 骨干教师 that a measure may hold responsible: lead: { role, of }'),
  phases: z.array(Phase).min(1, 'a plan has at least one phase'),
  measures: z.array(Measure).default([]),
  events: z.array(OutsideEvent).default([]).describe('Outside events the plan expects, whose dates are recorded later'),
  targets: z.array(Target).default([]),
  inspections: z.array(Inspection).default([]).describe('Inspections (督查) the plan names; findings issue rectification work'),
  assessment: Assessment.optional().describe('考核: a scoring rubric per unit and period (docs/plan-language/assessment.md)'),
  bulletins: BulletinSchedule.optional().describe('通报: when bulletins are issued by themselves (docs/plan-language/assessment.md)'),
});
export type PlanDefinition = z.infer<typeof PlanDefinition>;

/** The day a plan is published: `publishOn` when given, else its issue date (not its span's start). */
export const publicationDateOf = (plan: { issueDate: string; publishOn?: string }): string => plan.publishOn ?? plan.issueDate;
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
export type TargetKind = z.infer<typeof TargetKind>;
export type LeadingGroup = z.infer<typeof LeadingGroup>;
export type WorkSquad = z.infer<typeof WorkSquad>;
export type Liaison = z.infer<typeof Liaison>;
export type OutsideEvent = z.infer<typeof OutsideEvent>;
export type Inspection = z.infer<typeof Inspection>;
export type PlanDefinitionInput = z.input<typeof PlanDefinition>;

/** A separate departments file: the same department and class entries. */
export const DepartmentsFile = z.strictObject({
  $schema: SchemaReference,
  departments: z.array(Department).default([]),
  departmentClasses: z.array(DepartmentClass).default([]),
});
export type DepartmentsFile = z.infer<typeof DepartmentsFile>;
