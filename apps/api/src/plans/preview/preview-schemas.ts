import { z } from 'zod';

/**
 * Shapes of the two dry-run answers (import preview, amendment preview): the route table points at
 * them so the OpenAPI document and the web app's client type them; the integration spec parses
 * real answers with them.
 */
const instant = z.string().describe("an instant in the plan's time zone with its offset, e.g. 2031-01-17T23:59:59.999+08:00");
const date = z.string().describe('a date (YYYY-MM-DD) in the plan\'s time zone');
const planStatus = z.enum(['none', 'draft', 'published', 'closed']);
const assignmentStatus = z.enum(['not_issued', 'issued', 'acknowledged', 'in_progress', 'submitted', 'returned', 'accepted', 'waived', 'cancelled']);
const phaseStatus = z.enum(['unscheduled', 'scheduled', 'open', 'closing', 'closed', 'cancelled']);
const targetStatus = z.enum(['on-track', 'at-risk', 'met', 'missed']);
const targetTerm = z.enum(['metric', 'kind', 'comparison', 'unit', 'value', 'by', 'milestones', 'baseline', 'levels', 'direction', 'step', 'appliesTo', 'measuredBy']);
const week = z.object({ weekStart: date.describe('the Monday of the week'), deadlines: z.number().int() });

/** What `planledger validate` warns of: the plan is valid and accepted, but probably not meant so (located like a problem). */
export const planWarningsSchema = z.array(z.object({
  file: z.string(), line: z.number().int().describe('1-based; 0 when the warning belongs to the whole plan'), column: z.number().int(),
  path: z.string().describe('JSON path such as `measures[2].deadline.date`; "" for the document'),
  code: z.string().describe('e.g. `deadline-before-issue`, `holidays-not-covered`'), message: z.string(),
})).describe("the checker's warnings (empty when none): the plan is accepted as it is");

/** POST /plans: the draft recorded, and the checker's warnings. */
export const importedPlanAnswer = z.object({
  planId: z.string(), status: z.literal('draft'), revised: z.boolean().describe('an existing draft was revised rather than a new one drafted'),
  title: z.string(), startsAt: instant, endsAt: instant, phases: z.number().int(), obligations: z.number().int(), departments: z.number().int(),
  warnings: planWarningsSchema,
});

export const planPreviewAnswer = z.object({
  warnings: planWarningsSchema,
  plan: z.object({
    planId: z.string(), title: z.string(), documentNumber: z.string(), issuingAuthority: z.string(), timeZone: z.string(),
    startsAt: instant, endsAt: instant, phases: z.number().int(), obligations: z.number().int(), departments: z.number().int(),
  }),
  existingStatus: planStatus.describe('the status of a plan already recorded under this id: `none`; a `draft` would be revised; `published` or `closed` must be amended instead'),
  phases: z.array(z.object({
    phaseId: z.string(), name: z.string(), kind: z.enum(['theme-year', 'stage', 'step']), opensAt: instant, closesAt: instant,
    openedAt: instant.nullable().describe('when the simulated run opened it'), closedAt: instant.nullable().describe('when the simulated run closed it'),
    assignments: z.number().int().describe('assignments of this phase issued in the run'),
    opensAfter: z.string().optional().describe('an undated phase: it opens when this phase closes; opensAt and closesAt are only bounds (ADR 0019)'),
  })),
  departments: z.array(z.object({
    departmentId: z.string(), name: z.string(), kind: z.string(),
    assignments: z.number().int(), lead: z.number().int().describe('as lead unit (牵头)'), co: z.number().int().describe('as co-responsible unit'), firstDueAt: instant.nullable(),
  })).describe('departments with work, most assignments first'),
  firstDeadlines: z.array(z.object({ assignmentId: z.string(), measureId: z.string(), title: z.string(), departmentId: z.string(), dueAt: instant })).describe('the first 10 deadlines'),
  weeks: z.array(week).describe('every week with a deadline, in order'),
  busiestWeeks: z.array(week).describe('the 8 weeks with the most deadlines, most first'),
  simulation: z.object({
    events: z.number().int(), issued: z.number().int(), accepted: z.number().int(), overdue: z.number().int(),
    rejections: z.number().int().describe('commands the domain refused in the run: 0 for a sound plan'), endedAt: instant,
  }).describe('the simulated run (everyone on time, as `planledger simulate`)'),
});

const change = z.enum(['cancelled', 'redated', 'added', 'dropped']);
const counts = z.object({ cancelled: z.number().int(), redated: z.number().int(), added: z.number().int(), dropped: z.number().int() });
const window = z.object({ opensAt: instant, closesAt: instant });

export const amendmentPreviewAnswer = z.object({
  warnings: planWarningsSchema,
  planId: z.string(),
  title: z.string(),
  amendment: z.number().int().describe('the number the amendment would get'),
  inForceAt: instant.describe('business time now: the amendment would be in force from here'),
  counts: counts.extend({ phasesMoved: z.number().int(), phasesCancelled: z.number().int(), phasesClosed: z.number().int(), phasesAdded: z.number().int() }),
  phases: z.array(z.object({
    phaseId: z.string(), name: z.string(), change: z.enum(['moved', 'cancelled', 'closed', 'added']), status: phaseStatus.describe('its status now'),
    from: window.nullable(), to: window.nullable(),
  })),
  departments: z.array(z.object({
    departmentId: z.string(), name: z.string(), counts,
    assignments: z.array(z.object({
      assignmentId: z.string(), measureId: z.string(), title: z.string(),
      change: change.describe('cancelled: open work cancelled; redated: deadline moved; added: new work; dropped: not yet issued, will not be'),
      status: assignmentStatus.describe('its status now'), fromDueAt: instant.nullable(), toDueAt: instant.nullable(),
    })),
  })).describe('departments touched, most changes first'),
  otherChanges: z.array(z.string()).describe('terms changed that move no work (title, departments, a phase\'s focus …)'),
  targets: z.array(z.object({
    targetId: z.string(), metric: z.string(),
    change: z.enum(['added', 'removed', 'changed']).describe('removed: its series are no longer judged or shown (what was recorded stays in the record)'),
    terms: z.array(targetTerm).describe('changed: the terms that differ (value and by are the last milestone; milestones the ones before)'),
    statuses: z.array(z.object({ unitId: z.string().nullable(), from: targetStatus.nullable(), to: targetStatus, reason: z.string() }))
      .describe('series whose status changes when judged again under the new terms with the values recorded so far'),
  })).describe('targets added, removed or changed (ADR 0023, amended)'),
});
