import {
  applyHolidayRule,
  chinaHolidays,
  defaultSchoolCalendar,
  isValidTimeZone,
  isWithin,
  minLocalDate,
  schoolYearSpan,
  type DateSpan,
  type HolidayCalendar,
  type SchoolCalendarOptions,
} from '@planledger/calendar';
import type { Obligation, PlanSchedule, ScheduledDepartment } from '@planledger/domain';
import { ActiveWindows } from './active-windows';
import type { Definition } from './definition';
import { dueDatesOf, type DueDate } from './due-dates';
import { dutiesOf, type Duty } from './duties';
import { PhaseWindows } from './phase-windows';
import { PlanClock } from './plan-clock';
import { DepartmentDirectory } from './responsible-departments';
import { liaisonsBySchool, resolveReviewers } from './review-chain';
import { ProblemList } from './schedule-compilation-error';

export interface CompileOptions {
  /** Days off and make-up working days for the holiday rule; defaults to mainland China. */
  holidays?: HolidayCalendar;
  /** Where school years and semesters begin; defaults to 1 September / 1 February. */
  schoolCalendar?: SchoolCalendarOptions;
}

/** A due date after the holiday rule, with the instants and phase every department shares. */
interface ScheduledDueDate {
  periodKey: string;
  requiredCount: number;
  issueAt: string;
  dueAt: string;
  dueAtMs: number;
  phaseId?: string;
}

/**
 * Compiles a validated plan definition into concrete instants in the plan's zone. Pure and
 * deterministic: the same definition and calendar always give the same schedule, in the
 * same order, so a published schedule can be recompiled and compared.
 *
 * @throws ScheduleCompilationError listing every reference or date the compiler cannot place.
 */
export const compileSchedule = (definition: Definition, options: CompileOptions = {}): PlanSchedule => {
  const holidays = options.holidays ?? chinaHolidays;
  const school = options.schoolCalendar ?? defaultSchoolCalendar;
  const problems = new ProblemList();
  const { plan } = definition;

  if (!isValidTimeZone(plan.timeZone)) {
    problems.add(`time zone "${plan.timeZone}" is not a known IANA zone`);
    problems.throwIfAny();
  }
  const clock = new PlanClock(plan.timeZone);
  const planSpan: DateSpan = {
    start: schoolYearSpan(plan.span.fromSchoolYear, school).start,
    end: schoolYearSpan(plan.span.toSchoolYear, school).end,
  };
  const phases = new PhaseWindows(definition, planSpan, school, problems);
  const directory = new DepartmentDirectory(definition, problems);
  const liaisons = liaisonsBySchool(definition);
  const planStartsAt = clock.day(planSpan.start).opensAt;

  const scheduleDueDates = (duty: Duty): ScheduledDueDate[] => {
    const unknownPhases = (duty.phaseIds ?? []).filter((id) => !phases.byId.has(id));
    if (duty.deadline.kind === 'phase' && !phases.byId.has(duty.deadline.phase)) unknownPhases.push(duty.deadline.phase);
    for (const id of unknownPhases) problems.add(`"${duty.id}" refers to phase "${id}", which the plan does not have`);
    if (unknownPhases.length > 0) return [];

    const limitedTo = (duty.phaseIds ?? []).flatMap((id) => phases.byId.get(id)?.span ?? []);
    const windows = new ActiveWindows(limitedTo.length > 0 ? limitedTo : [planSpan]);
    const preferredPhases = duty.phaseIds ? new Set(duty.phaseIds) : undefined;
    return dueDatesOf(duty.deadline, windows, phases, school).flatMap((dueDate) => {
      if (!isWithin(dueDate.dueOn, planSpan)) {
        problems.add(`"${duty.id}" falls due on ${dueDate.dueOn}, outside the plan span (${planSpan.start} … ${planSpan.end})`);
        return [];
      }
      return [scheduleDueDate(duty, dueDate, preferredPhases)];
    });
  };

  const scheduleDueDate = (duty: Duty, dueDate: DueDate, preferredPhases?: ReadonlySet<string>): ScheduledDueDate => {
    const shifted = applyHolidayRule(dueDate.dueOn, definition.policy.holidayRule, holidays);
    // A deadline cannot be pushed past the end of the plan: then it stays where it was.
    const dueOn = shifted <= planSpan.end ? shifted : dueDate.dueOn;
    const phaseHoldingDue = phases.phaseAt(dueOn, preferredPhases);
    const phase = duty.ownPhaseId ? phases.byId.get(duty.ownPhaseId) : phaseHoldingDue;
    const issueOn = dueDate.issueOn ?? phaseHoldingDue?.span.start ?? planSpan.start;
    const due = clock.day(dueOn);
    return {
      periodKey: dueDate.periodKey,
      requiredCount: dueDate.requiredCount,
      issueAt: clock.day(minLocalDate(issueOn, dueOn)).opensAt,
      dueAt: due.closesAt,
      dueAtMs: due.closesAtMs,
      phaseId: phase?.phaseId,
    };
  };

  const obligations: Obligation[] = [];
  const dueTimes: number[] = [];
  const assignmentIds = new Set<string>();
  for (const duty of dutiesOf(definition)) {
    const dueDates = scheduleDueDates(duty);
    const departments = directory.resolve(duty.responsible, duty.id, problems);
    for (const { departmentId, responsibility } of departments) {
      const reviewers = resolveReviewers(duty.review, departmentId, liaisons);
      for (const dueDate of dueDates) {
        const assignmentId = `${duty.id}.${departmentId}.${dueDate.periodKey}`;
        if (assignmentIds.has(assignmentId)) {
          problems.add(`assignment id "${assignmentId}" would be issued twice (is "${duty.id}" used for two measures or deliverables?)`);
          continue;
        }
        assignmentIds.add(assignmentId);
        const obligation: Obligation = {
          assignmentId,
          measureId: duty.id,
          title: duty.title,
          departmentId,
          responsibility,
          periodKey: dueDate.periodKey,
          requiredCount: dueDate.requiredCount,
          issueAt: dueDate.issueAt,
          dueAt: dueDate.dueAt,
          reviewers: [...reviewers],
          remindDaysBefore: [...duty.remindDaysBefore],
          escalation: duty.escalation.map((level) => ({ ...level })),
        };
        // Optional fields are left out rather than set to undefined, so schedules compare and serialise cleanly.
        if (dueDate.phaseId !== undefined) obligation.phaseId = dueDate.phaseId;
        if (duty.programmeId !== undefined) obligation.programmeId = duty.programmeId;
        if (duty.review !== undefined) obligation.submitTo = duty.review.submitTo;
        obligations.push(obligation);
        dueTimes.push(dueDate.dueAtMs);
      }
    }
  }
  problems.throwIfAny();

  return {
    planId: plan.id,
    title: plan.title,
    documentNumber: plan.documentNumber,
    issuingAuthority: plan.issuingAuthority,
    timeZone: plan.timeZone,
    startsAt: planStartsAt,
    endsAt: clock.day(planSpan.end).closesAt,
    ...escalationDefaultOf(definition, directory),
    departments: definition.departments.map(scheduledDepartment),
    phases: phases.scheduled(definition, clock),
    obligations: sortByDueThenId(obligations, dueTimes),
  };
};

/** The leading group, when the plan has one: its own id if it is a department, else its office. */
const escalationDefaultOf = (definition: Definition, directory: DepartmentDirectory): { escalationDefault?: string } => {
  const group = definition.organisation.leadingGroup;
  if (group === undefined) return {};
  return { escalationDefault: directory.has(group.id) ? group.id : group.office };
};

const scheduledDepartment = (department: Definition['departments'][number]): ScheduledDepartment => ({
  id: department.id,
  name: department.name,
  kind: department.kind,
  ...(department.parent !== undefined ? { parent: department.parent } : {}),
});

/** Sorts by due instant, then assignment id, comparing precomputed milliseconds (offsets may differ in DST zones). */
const sortByDueThenId = (obligations: Obligation[], dueTimes: number[]): Obligation[] => {
  const order = obligations.map((_, index) => index);
  order.sort((a, b) => {
    const byDue = dueTimes[a] - dueTimes[b];
    if (byDue !== 0) return byDue;
    const idA = obligations[a].assignmentId;
    const idB = obligations[b].assignmentId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((index) => obligations[index]);
};
