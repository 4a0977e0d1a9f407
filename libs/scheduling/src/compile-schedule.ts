import { compiledAssessment, compiledBulletinTimetable } from './assessment-rubric';
import {
  applyHolidayRule,
  chinaHolidays,
  defaultSchoolCalendar,
  isValidTimeZone,
  isWithin,
  minLocalDate,
  type DateSpan,
  type HolidayCalendar,
  type LocalDate,
  type SchoolCalendarOptions,
  TermCalendar,
} from '@planledger/calendar';
import { DEFAULT_ASAP_WORKING_DAYS, publicationDateOf } from '@planledger/plan-definition';
import type { EventObligation, FollowOnObligation, Obligation, PhaseObligation, PlanSchedule, ScheduledDepartment, ScheduledInspection, ScheduledOutsideEvent } from '@planledger/domain';
import { leadRoleOf, leadTimesOf } from '@planledger/plan-definition';
import { ActiveWindows } from './active-windows';
import type { Definition } from './definition';
import { dueDatesOf, type DueDate } from './due-dates';
import { dutiesOf, type Duty } from './duties';
import { PhaseWindows, planSpanOf } from './phase-windows';
import { PlanClock } from './plan-clock';
import { DepartmentDirectory } from './responsible-departments';
import { liaisonsBySchool, resolveEscalation, resolveReviewers } from './review-chain';
import { ProblemList } from './schedule-compilation-error';
import { countsWorkingDaysAtRunTime, workingDayTableOf } from './working-day-table';
import { compileTargets } from './targets';

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
  const planSpan: DateSpan = planSpanOf(plan, school);
  if (planSpan.end < planSpan.start) problems.add(`the plan span ends (${planSpan.end}) before it starts (${planSpan.start})`);
  const phases = new PhaseWindows(definition, planSpan, school, problems);
  const directory = new DepartmentDirectory(definition, problems);
  const liaisons = liaisonsBySchool(definition, directory);
  const planStartsAt = clock.day(planSpan.start).opensAt;
  const terms = new TermCalendar(definition.schoolCalendar?.terms ?? []);
  const asapWorkingDays = definition.policy.asapWorkingDays ?? DEFAULT_ASAP_WORKING_DAYS;

  /** A duty's due dates before the holiday rule: inside its phases (or the plan), in its own reminder context. */
  const dueDatesAsWritten = (duty: Duty): DueDate[] => {
    const limitedTo = (duty.phaseIds ?? []).flatMap((id) => phases.byId.get(id)?.span ?? []);
    const windows = new ActiveWindows(limitedTo.length > 0 ? limitedTo : [planSpan]);
    const context = { holidays, terms, asapWorkingDays, firstReminderDays: duty.remindDaysBefore[0] ?? 0 };
    return dueDatesOf(duty.deadline, windows, phases, school, context, dueOfStep);
  };

  const scheduleDueDates = (duty: Duty): ScheduledDueDate[] => {
    const unknownPhases = (duty.phaseIds ?? []).filter((id) => !phases.has(id));
    if (duty.deadline.kind === 'phase' && !phases.has(duty.deadline.phase)) unknownPhases.push(duty.deadline.phase);
    for (const id of unknownPhases) problems.add(`"${duty.id}" refers to phase "${id}", which the plan does not have`);
    if (unknownPhases.length > 0) return [];

    const preferredPhases = duty.phaseIds ? new Set(duty.phaseIds) : undefined;
    return dueDatesAsWritten(duty).flatMap((dueDate) => {
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

  /** 倒排工期: each step's one due date (before the holiday rule), resolved backwards from the step it precedes. */
  const dutiesById = new Map(duties.map((duty) => [duty.id, duty]));
  const stepDue = new Map<string, LocalDate | undefined>();
  const resolving = new Set<string>();
  function dueOfStep(stepId: string): LocalDate | undefined {
    if (stepDue.has(stepId)) return stepDue.get(stepId);
    const step = dutiesById.get(stepId);
    let due: LocalDate | undefined;
    if (step === undefined) problems.add(`a step is due before "${stepId}", which is no measure or deliverable of the plan`);
    else if (resolving.has(stepId)) problems.add(`"${stepId}" is in a cycle of steps each due before the next`);
    else {
      resolving.add(stepId);
      const dates = dueDatesAsWritten(step);
      resolving.delete(stepId);
      if (dates.length === 1) due = dates[0].dueOn;
      else problems.add(`a step is due before "${stepId}", which does not fall due exactly once (it has ${dates.length} due dates)`);
    }
    stepDue.set(stepId, due);
    return due;
  }
  const obligationsByDueTime = new Map<number, Obligation[]>();
  const outsideEvents = new Map(definition.events.map((event) => [event.id, event]));
  const eventObligations: EventObligation[] = [];
  const followOnDuties: Duty[] = [];
  const phaseObligations: PhaseObligation[] = [];
  for (const duty of duties) {
    // Work of an undated phase is dated from its opening (ADR 0019); the checks refuse any other deadline in it.
    const inUndated = (duty.phaseIds ?? []).find((id) => phases.undated.has(id));
    const undatedPhase = duty.deadline.kind === 'phase' && phases.undated.has(duty.deadline.phase) ? duty.deadline.phase : undefined;
    if (inUndated !== undefined || undatedPhase !== undefined) {
      const { deadline } = duty;
      if (deadline.kind !== 'phase' || deadline.anchor !== 'start' || undatedPhase === undefined || (inUndated !== undefined && !(duty.phaseIds ?? []).includes(undatedPhase))) {
        problems.add(`"${duty.id}" is in undated phase "${inUndated ?? undatedPhase}": its deadline must be kind: phase, phase: ${inUndated ?? undatedPhase}, anchor: start`);
      } else phaseObligations.push(...phaseObligationsOf(duty, undatedPhase, deadline.offsetDays));
      continue;
    }
    if (duty.deadline.kind === 'event') {
      const { deadline } = duty;
      const event = outsideEvents.get(deadline.event);
      if (event === undefined) problems.add(`"${duty.id}" hangs on event "${deadline.event}", which the plan does not name under events:`);
      else if (event.inspection) problems.add(`"${duty.id}" hangs on "${deadline.event}", an inspection: inspections owe nobody anything`);
      else if ((deadline.before ?? deadline.beforeWorkingDays) !== undefined && event.recurring) problems.add(`"${duty.id}" is due before "${deadline.event}", which recurs: only work after each occurrence can be owed`);
      else eventObligations.push(...eventObligationsOf(duty, deadline.event, eventOffsetOf(deadline)));
      continue;
    }
    if (duty.deadline.kind === 'after-accepted') {
      followOnDuties.push(duty);
      continue;
    }
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
            escalation: resolveEscalation(duty.escalation, departmentId, liaisons),
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
  attachFollowOns(followOnDuties, obligationsByDueTime);
  const { targets, reporting } = compileTargets(definition, { directory, problems, clock, holidays, school, planSpan, phases });
  for (const target of targets) if (dutiesById.has(target.targetId)) problems.add(`"${target.targetId}" names both a target and a measure or deliverable; assignment ids would collide`);
  for (const obligation of reporting) {
    const dueMs = Date.parse(obligation.dueAt);
    const sameDueTime = obligationsByDueTime.get(dueMs);
    if (sameDueTime) sameDueTime.push(obligation);
    else obligationsByDueTime.set(dueMs, [obligation]);
  }
  problems.throwIfAny();

  /**
   * "After X is accepted": each follow-on is attached to the obligation of X whose acceptance
   * issues it: X's obligation for the same department when both fan out to the same units, else
   * X's only department's (the whole follow-on at once). When X has co-responsible units and the
   * follow-on does not fan out like all of X, only X's leads count (the same two rules, on them).
   * Anything else is refused.
   */
  function attachFollowOns(followOns: Duty[], byDueTime: Map<number, Obligation[]>): void {
    if (followOns.length === 0) return;
    const byMeasure = new Map<string, Obligation[]>();
    for (const list of byDueTime.values()) {
      for (const o of list) {
        const ofMeasure = byMeasure.get(o.measureId);
        if (ofMeasure) ofMeasure.push(o);
        else byMeasure.set(o.measureId, [o]);
      }
    }
    for (const duty of followOns) {
      if (duty.deadline.kind !== 'after-accepted') continue;
      const { step } = duty.deadline;
      const workingDays = duty.deadline.workingDays !== undefined;
      const days = duty.deadline.workingDays ?? duty.deadline.days ?? 0;
      const predecessors = byMeasure.get(step);
      if (!dutiesById.has(step)) { problems.add(`"${duty.id}" follows "${step}", which is no measure or deliverable of the plan`); continue; }
      if (!predecessors || predecessors.length === 0) { problems.add(`"${duty.id}" follows "${step}", which has no dated work of its own to be accepted (an event or another follow-on)`); continue; }
      const departments = directory.resolve(duty.responsible, duty.id, problems);
      const fansOutLike = (obligations: Obligation[]): boolean => {
        const units = new Set(obligations.map((o) => o.departmentId));
        return departments.length === units.size && departments.every((d) => units.has(d.departmentId));
      };
      // A step with co-responsible units is accepted when its lead's work is: the co units
      // contribute to the lead's work, they do not accept it (ADR 0015). Its leads alone then decide.
      const leads = predecessors.filter((o) => o.responsibility === 'lead');
      const accepting = fansOutLike(predecessors) || leads.length === predecessors.length ? predecessors : leads;
      const same = fansOutLike(accepting);
      if (!same && new Set(accepting.map((o) => o.departmentId)).size !== 1) {
        problems.add(`"${duty.id}" follows "${step}", but they fan out to different units and "${step}" has more than one lead: make them fan out the same way`);
        continue;
      }
      for (const predecessor of accepting) {
        const issued = same ? departments.filter((d) => d.departmentId === predecessor.departmentId) : departments;
        const followOnsOf = (predecessor.followOns ??= []);
        for (const { departmentId, responsibility } of issued) {
          const periodKey = `after-${predecessor.periodKey}`;
          const reviewers = resolveReviewers(duty.review, departmentId, liaisons);
          const followOn: FollowOnObligation = {
            assignmentId: `${duty.id}.${departmentId}.${periodKey}`,
            measureId: duty.id,
            title: duty.title,
            departmentId,
            responsibility,
            periodKey,
            requiredCount: 1,
            reviewers: [...reviewers],
            remindDaysBefore: [...duty.remindDaysBefore],
            escalation: resolveEscalation(duty.escalation, departmentId, liaisons),
            offsetDays: days,
          };
          if (workingDays) followOn.workingDays = true;
          if (duty.programmeId !== undefined) followOn.programmeId = duty.programmeId;
          if (duty.review !== undefined) followOn.submitTo = duty.review.submitTo;
          followOnsOf.push(followOn);
        }
      }
    }
  }

  function phaseObligationsOf(duty: Duty, phaseId: string, offsetDays: number): PhaseObligation[] {
    return directory.resolve(duty.responsible, duty.id, problems, liaisons).map(({ departmentId, responsibility }) => {
      const submitTo = duty.review?.submitTo === 'liaison' ? liaisons.get(departmentId) : duty.review?.submitTo;
      const obligation: PhaseObligation = {
        assignmentId: `${duty.id}.${departmentId}.once`,
        measureId: duty.id,
        title: duty.title,
        phaseId,
        departmentId,
        responsibility,
        periodKey: 'once',
        requiredCount: 1,
        reviewers: [...resolveReviewers(duty.review, departmentId, liaisons)],
        remindDaysBefore: [...duty.remindDaysBefore],
        escalation: duty.escalation.map((level) => ({ ...level })),
        offsetDays,
      };
      if (duty.programmeId !== undefined) obligation.programmeId = duty.programmeId;
      if (submitTo !== undefined) obligation.submitTo = submitTo;
      return obligation;
    });
  }

  /** The signed offset of an `event` deadline from the event's day, and whether it counts working days. */
  function eventOffsetOf(deadline: Extract<Duty['deadline'], { kind: 'event' }>): { offsetDays: number; workingDays: boolean } {
    if (deadline.beforeWorkingDays !== undefined) return { offsetDays: -deadline.beforeWorkingDays, workingDays: true };
    if (deadline.afterWorkingDays !== undefined) return { offsetDays: deadline.afterWorkingDays, workingDays: true };
    return { offsetDays: deadline.before !== undefined ? -deadline.before : (deadline.after ?? 0), workingDays: false };
  }

  function eventObligationsOf(duty: Duty, eventId: string, { offsetDays, workingDays }: { offsetDays: number; workingDays: boolean }): EventObligation[] {
    return directory.resolve(duty.responsible, duty.id, problems).map(({ departmentId, responsibility }) => {
      const obligation: EventObligation = {
        assignmentIdPrefix: `${duty.id}.${departmentId}`,
        eventId,
        offsetDays,
        ...(workingDays && { workingDays: true as const }),
        measureId: duty.id,
        title: duty.title,
        departmentId,
        responsibility,
        requiredCount: 1,
        reviewers: [...resolveReviewers(duty.review, departmentId, liaisons)],
        remindDaysBefore: [...duty.remindDaysBefore],
        escalation: resolveEscalation(duty.escalation, departmentId, liaisons),
      };
      if (duty.programmeId !== undefined) obligation.programmeId = duty.programmeId;
      if (duty.review !== undefined) obligation.submitTo = duty.review.submitTo;
      return obligation;
    });
  }

  const scheduledPhases = phases.scheduled(definition, clock);
  const endsAt = clock.day(planSpan.end).closesAt;
  return {
    planId: plan.id,
    title: plan.title,
    documentNumber: plan.documentNumber,
    issuingAuthority: plan.issuingAuthority,
    timeZone: plan.timeZone,
    startsAt: planStartsAt,
    // The one place the publication moment is decided: the issue date (or publishOn), not the span's start.
    publishesAt: clock.day(publicationDateOf(plan)).opensAt,
    endsAt,
    ...escalationDefaultOf(definition, directory),
    holidayCalendar: { name: holidays.name, coveredYears: [...holidays.coveredYears] },
    departments: definition.departments.map(scheduledDepartment),
    phases: scheduledPhases,
    obligations: sortByDueThenId(obligationsByDueTime),
    // Left out when the plan names no events, so schedules of plans without them stay as they were.
    ...(definition.events.length > 0 ? { outsideEvents: definition.events.map(scheduledOutsideEvent) } : {}),
    ...(eventObligations.length > 0 ? { eventObligations } : {}),
    ...(phaseObligations.length > 0 ? { phaseObligations } : {}),
    // Only plans with run-time offsets in working days carry the table (ADR 0020): other schedules stay as they were.
    ...(countsWorkingDaysAtRunTime(eventObligations, obligationsByDueTime) ? { workingDayTable: workingDayTableOf(holidays, plan.timeZone) } : {}),
    // Left out when the plan names no targets, so schedules of plans without them stay as they were.
    ...(targets.length > 0 ? { targets } : {}),
    // Left out when the plan names no inspections (ADR 0024), for the same reason.
    ...(definition.inspections.length > 0 ? { inspections: definition.inspections.map((i) => scheduledInspection(i, directory)) } : {}),
    ...compiledAssessment(definition, directory),
    ...compiledBulletinTimetable(definition, { startsAt: planStartsAt, endsAt }, scheduledPhases),
  };
};

/** An inspection with its classes resolved to the units they stand for. */
const scheduledInspection = (inspection: Definition['inspections'][number], directory: DepartmentDirectory): ScheduledInspection => ({
  inspectionId: inspection.id,
  name: inspection.name,
  inspectingUnitId: inspection.by,
  unitIds: [...new Set((typeof inspection.units === 'string' ? [inspection.units] : inspection.units).flatMap((id) => directory.membersOf(id)))],
  ...(inspection.date !== undefined ? { date: inspection.date } : {}),
  rectificationDays: inspection.rectification.days,
});

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

const scheduledOutsideEvent = (event: Definition['events'][number]): ScheduledOutsideEvent => ({
  eventId: event.id,
  name: event.name,
  ...(event.expected !== undefined ? { expected: { ...event.expected } } : {}),
  recurring: event.recurring,
  inspection: event.inspection,
});

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
