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
  TermCalendar,
} from '@planledger/calendar';
import { DEFAULT_ASAP_WORKING_DAYS } from '@planledger/plan-definition';
import type { Obligation, PlanSchedule, ScheduledDepartment } from '@planledger/domain';
import { leadRoleOf, leadTimesOf } from '@planledger/plan-definition';
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
  standing?: true;
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
  const liaisons = liaisonsBySchool(definition, directory);
  const planStartsAt = clock.day(planSpan.start).opensAt;
  const terms = new TermCalendar(definition.schoolCalendar?.terms ?? []);
  const asapWorkingDays = definition.policy.asapWorkingDays ?? DEFAULT_ASAP_WORKING_DAYS;

  const scheduleDueDates = (duty: Duty): ScheduledDueDate[] => {
    const unknownPhases = (duty.phaseIds ?? []).filter((id) => !phases.byId.has(id));
    if (duty.deadline.kind === 'phase' && !phases.byId.has(duty.deadline.phase)) unknownPhases.push(duty.deadline.phase);
    for (const id of unknownPhases) problems.add(`"${duty.id}" refers to phase "${id}", which the plan does not have`);
    if (unknownPhases.length > 0) return [];

    const limitedTo = (duty.phaseIds ?? []).flatMap((id) => phases.byId.get(id)?.span ?? []);
    const windows = new ActiveWindows(limitedTo.length > 0 ? limitedTo : [planSpan]);
    const preferredPhases = duty.phaseIds ? new Set(duty.phaseIds) : undefined;
    const context = { holidays, terms, asapWorkingDays, firstReminderDays: duty.remindDaysBefore[0] ?? 0 };
    return dueDatesOf(duty.deadline, windows, phases, school, context).flatMap((dueDate) => {
      if (!isWithin(dueDate.dueOn, planSpan)) {
        problems.add(`"${duty.id}" falls due on ${dueDate.dueOn}, outside the plan span (${planSpan.start} … ${planSpan.end})`);
        return [];
      }
      return [scheduleDueDate(duty, dueDate, preferredPhases)];
    });
  };

  const scheduleDueDate = (duty: Duty, dueDate: DueDate, preferredPhases?: ReadonlySet<string>): ScheduledDueDate => {
    const shifted = applyHolidayRule(dueDate.dueOn, duty.holidayRule, holidays);
    // A deadline cannot be pushed out of the plan (past its end, or before its start): then it stays where it was.
    const dueOn = isWithin(shifted, planSpan) ? shifted : dueDate.dueOn;
    // The phase is the one holding the date as written: a holiday that pushes the due date past
    // its phase's end must not move the deliverable (and its issue day) into the next phase.
    const phaseHoldingDue = phases.phaseAt(dueDate.dueOn, preferredPhases) ?? phases.phaseAt(dueOn, preferredPhases);
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
      ...(dueDate.standing ? { standing: true as const } : {}),
    };
  };

  const duties = dutiesOf(definition);
  reportDuplicateDutyIds(duties, problems);
  const obligationsByDueTime = new Map<number, Obligation[]>();
  for (const duty of duties) {
    const dueDates = scheduleDueDates(duty);
    const departments = directory.resolve(duty.responsible, duty.id, problems, liaisons);
    // A product fan-out (each school × each subject): lead units once per label, co units once.
    const times = leadTimesOf(duty.responsible);
    // A role lead ({ role, of }): with no roster yet, the unit holding the role owns the work; the role is recorded.
    const role = leadRoleOf(duty.responsible);
    for (const { departmentId, responsibility } of departments) {
      const reviewers = resolveReviewers(duty.review, departmentId, liaisons);
      const submitTo = duty.review?.submitTo === 'liaison' ? liaisons.get(departmentId) : duty.review?.submitTo;
      const labels: (string | undefined)[] = times !== undefined && responsibility === 'lead' ? [...new Set(times)] : [undefined];
      for (const subject of labels) {
        for (const dueDate of dueDates) {
          // The subject goes in front of the period key: ids stay `<measure>.<department>.<period>` (ADR 0003).
          const periodKey = subject === undefined ? dueDate.periodKey : `${subject}-${dueDate.periodKey}`;
          const obligation: Obligation = {
            // Unique because duty ids are unique, departments are de-duplicated per duty, labels per
            // lead (a set) and period keys per deadline.
            assignmentId: `${duty.id}.${departmentId}.${periodKey}`,
            measureId: duty.id,
            title: duty.title,
            departmentId,
            responsibility,
            periodKey,
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
          if (submitTo !== undefined) obligation.submitTo = submitTo;
          if (subject !== undefined) obligation.subject = subject;
          if (dueDate.standing) obligation.standing = true;
          if (role !== undefined && responsibility === 'lead') obligation.role = role;
          const sameDueTime = obligationsByDueTime.get(dueDate.dueAtMs);
          if (sameDueTime) sameDueTime.push(obligation);
          else obligationsByDueTime.set(dueDate.dueAtMs, [obligation]);
        }
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
    holidayCalendar: { name: holidays.name, coveredYears: [...holidays.coveredYears] },
    departments: definition.departments.map(scheduledDepartment),
    phases: phases.scheduled(definition, clock),
    obligations: sortByDueThenId(obligationsByDueTime),
  };
};

/**
 * The leading group, when the plan has one: its own id if it is a department, else its office;
 * a group with neither (office not yet named) gives no default, so escalation goes only where
 * the policy's levels say.
 */
const escalationDefaultOf = (definition: Definition, directory: DepartmentDirectory): { escalationDefault?: string } => {
  const group = definition.organisation.leadingGroup;
  if (group === undefined) return {};
  const to = directory.has(group.id) ? group.id : group.office;
  return to === undefined ? {} : { escalationDefault: to };
};

const scheduledDepartment = (department: Definition['departments'][number]): ScheduledDepartment => ({
  id: department.id,
  name: department.name,
  kind: department.kind,
  ...(department.parent !== undefined ? { parent: department.parent } : {}),
});

/**
 * Orders by due instant, then assignment id. Obligations arrive grouped by due time (a few
 * hundred distinct instants for hundreds of thousands of obligations), so only the groups
 * are sorted by time, by milliseconds since offsets may differ in DST zones.
 */
const sortByDueThenId = (byDueTime: Map<number, Obligation[]>): Obligation[] => {
  const byId = (a: Obligation, b: Obligation): number => (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0);
  return [...byDueTime.keys()].sort((a, b) => a - b).flatMap((dueTime) => (byDueTime.get(dueTime) as Obligation[]).sort(byId));
};

/** Measures and deliverables share one id space: assignment ids start with it. */
const reportDuplicateDutyIds = (duties: Duty[], problems: ProblemList): void => {
  const seen = new Set<string>();
  for (const { id } of duties) {
    if (seen.has(id)) problems.add(`"${id}" is used for more than one measure or deliverable; assignment ids would collide`);
    seen.add(id);
  }
};
