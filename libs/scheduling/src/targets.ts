import { addDays, applyHolidayRule, isWithin, maxLocalDate, schoolYearSpan, type DateSpan, type HolidayCalendar, type LocalDate, type SchoolCalendarOptions } from '@planledger/calendar';
import type { Obligation, ScheduledTarget } from '@planledger/domain';
import { targetTermsOf } from '@planledger/plan-definition';
import type { Definition } from './definition';
import type { PhaseWindows } from './phase-windows';
import type { PlanClock } from './plan-clock';
import type { DepartmentDirectory } from './responsible-departments';
import type { ProblemList } from './schedule-compilation-error';

/** A reporting assignment is issued this many days before its due day (or at the plan's start). */
export const REPORTING_LEAD_DAYS = 30;

export interface TargetContext {
  directory: DepartmentDirectory;
  problems: ProblemList;
  clock: PlanClock;
  holidays: HolidayCalendar;
  school: SchoolCalendarOptions;
  planSpan: DateSpan;
  phases: PhaseWindows;
}

/**
 * Targets as the engine judges them (ADR 0023): kind and milestones settled, `appliesTo` fanned out
 * to units as measures fan out, each reporting period with the instant it ends (ADR 0026), and for
 * each `measuredBy` one reporting obligation per unit (or for the plan) and reporting period inside
 * the plan's span, whose submission carries the value.
 */
export function compileTargets(definition: Definition, context: TargetContext): { targets: ScheduledTarget[]; reporting: Obligation[] } {
  const { directory, problems } = context;
  const targets: ScheduledTarget[] = [];
  const reporting: Obligation[] = [];
  for (const target of definition.targets) {
    const { terms } = targetTermsOf(target);
    const unitIds = [...new Set((target.appliesTo ?? []).flatMap((unit) => directory.resolve({ lead: unit, co: [] }, target.id, problems).map((d) => d.departmentId)))];
    const scheduled: ScheduledTarget = { targetId: target.id, metric: target.metric, kind: terms.kind, unit: terms.unit, milestones: terms.milestones, unitIds };
    if (terms.comparison) scheduled.comparison = terms.comparison;
    if (terms.baseline) scheduled.baseline = terms.baseline;
    if (terms.levels) scheduled.levels = terms.levels;
    if (terms.direction) scheduled.direction = terms.direction;
    if (terms.minStep !== undefined) scheduled.minStep = terms.minStep;
    const periods = reportingPeriods(terms, context);
    scheduled.periodEnds = periods.map((period) => ({ period, judgedAt: periodEndsAt(period, context) }));
    if (target.measuredBy) {
      const reporter = target.measuredBy.by;
      const reporters = reporter === undefined ? unitIds : directory.resolve({ lead: reporter, co: [] }, target.id, problems).map((d) => d.departmentId);
      scheduled.measuredBy = { departmentIds: reporters, perUnit: reporter === undefined };
      const title = target.measuredBy.title ?? `报送${target.metric}`;
      for (const period of periods) {
        const dueOn = dueDayIn(period, target.measuredBy.due, context.school);
        if (dueOn === undefined || !isWithin(dueOn, context.planSpan)) continue;
        const forUnits: (string | null)[] = unitIds.length === 0 ? [null] : unitIds;
        for (const unitId of forUnits) {
          // Each unit reports its own value; a named reporter reports for every unit (or for the plan).
          const departmentId = reporter === undefined ? (unitId as string) : reporters[0];
          if (departmentId === undefined) continue;
          const periodKey = reporter !== undefined && unitId !== null ? `${unitId}-${period}` : period;
          reporting.push(reportingObligation(definition, context, { targetId: target.id, unitId, period }, { departmentId, periodKey, title, dueOn }));
        }
      }
    }
    targets.push(scheduled);
  }
  return { targets, reporting };
}

/**
 * Values are reported once a year: every period from the plan's first (or the one after the
 * baseline) to the target's last, of the kind its milestones are written in. Each is judged as it
 * ends (ADR 0026), measured or not; with `measuredBy` each also has its reporting assignments.
 */
export function reportingPeriods(terms: { milestones: { period: string }[]; baseline?: { period: string } }, context: TargetContext): string[] {
  const final = terms.milestones[terms.milestones.length - 1].period;
  const schoolYears = final.includes('-');
  const planFirst = schoolYears ? Number(context.planSpan.start.slice(0, 4)) - (Number(context.planSpan.start.slice(5, 7)) < 9 ? 1 : 0) : Number(context.planSpan.start.slice(0, 4));
  const first = Math.max(planFirst, terms.baseline ? Number(terms.baseline.period.slice(0, 4)) + 1 : planFirst);
  const periods: string[] = [];
  for (let year = first; year <= Number(final.slice(0, 4)); year++) periods.push(schoolYears ? `${year}-${year + 1}` : String(year));
  return periods;
}

/**
 * The first instant after a period, in the plan's zone (ADR 0026): local midnight of 1 January
 * after a calendar year, the day after a school year's last day. A value recorded at the period's
 * last instant (23:59:59.999) counts.
 */
export function periodEndsAt(period: string, context: Pick<TargetContext, 'clock' | 'school'>): string {
  const start = Number(period.slice(0, 4));
  const dayAfter = period.includes('-') ? addDays(schoolYearSpan(start, context.school).end, 1) : `${start + 1}-01-01`;
  return context.clock.day(dayAfter).opensAt;
}

/** "11-30" in calendar year 2023 is 2023-11-30; in school year 2022-2023 the day of that school year. */
function dueDayIn(period: string, monthDay: string, school: SchoolCalendarOptions): LocalDate | undefined {
  const start = Number(period.slice(0, 4));
  if (!period.includes('-')) return `${start}-${monthDay}`;
  const span = schoolYearSpan(start, school);
  return [`${start}-${monthDay}`, `${start + 1}-${monthDay}`].find((day) => isWithin(day, span));
}

function reportingObligation(
  definition: Definition,
  context: TargetContext,
  reports: NonNullable<Obligation['reports']>,
  at: { departmentId: string; periodKey: string; title: string; dueOn: LocalDate },
): Obligation {
  const { policy } = definition;
  const dueOn = applyHolidayRule(at.dueOn, policy.holidayRule, context.holidays);
  const due = isWithin(dueOn, context.planSpan) ? dueOn : at.dueOn;
  const issueOn = maxLocalDate(addDays(at.dueOn, -REPORTING_LEAD_DAYS), context.planSpan.start);
  const obligation: Obligation = {
    assignmentId: `${reports.targetId}.${at.departmentId}.${at.periodKey}`,
    measureId: reports.targetId,
    title: at.title,
    departmentId: at.departmentId,
    responsibility: 'lead',
    periodKey: at.periodKey,
    requiredCount: 1,
    issueAt: context.clock.day(issueOn).opensAt,
    dueAt: context.clock.day(due).closesAt,
    reviewers: [],
    remindDaysBefore: [...new Set(policy.reminders.daysBefore)].sort((a, b) => b - a),
    escalation: policy.escalation.map(({ afterDays, to }) => ({ afterDays, to })),
    reports,
  };
  const phase = context.phases.phaseAt(at.dueOn);
  if (phase) obligation.phaseId = phase.phaseId;
  return obligation;
}
