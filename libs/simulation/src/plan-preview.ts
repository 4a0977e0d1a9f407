import type { Instant, PlanSchedule, PlanSource, PlanledgerEvent } from '@planledger/domain';
import { simulatePlan } from './simulate-plan';

/** One phase as the plan schedules it, with the instants the simulated run opened and closed it. */
export interface PreviewPhase {
  phaseId: string;
  name: string;
  kind: 'theme-year' | 'stage' | 'step';
  opensAt: Instant;
  closesAt: Instant;
  openedAt: Instant | null;
  closedAt: Instant | null;
  /** Assignments issued in the run that belong to this phase. */
  assignments: number;
  /** An undated phase: it opens when this phase closes; opensAt/closesAt are only bounds (ADR 0019). */
  opensAfter?: string;
}

export interface PreviewDepartment {
  departmentId: string;
  name: string;
  kind: string;
  /** Assignments the run issued to this department: as lead unit and as co-responsible unit. */
  assignments: number;
  lead: number;
  co: number;
  firstDueAt: Instant | null;
}

export interface PreviewDeadline {
  assignmentId: string;
  measureId: string;
  title: string;
  departmentId: string;
  dueAt: Instant;
}

/** A calendar week (Monday to Sunday, in the plan's zone) and the deadlines falling in it. */
export interface PreviewWeek {
  weekStart: string;
  deadlines: number;
}

/** What a plan would do, seen before it is stored: computed from a simulated run of the real deciders. */
export interface PlanPreview {
  plan: {
    planId: string; title: string; documentNumber: string; issuingAuthority: string; timeZone: string;
    startsAt: Instant; endsAt: Instant; phases: number; obligations: number; departments: number;
  };
  phases: PreviewPhase[];
  /** Departments with work, most assignments first. */
  departments: PreviewDepartment[];
  /** The earliest deadlines, soonest first. */
  firstDeadlines: PreviewDeadline[];
  /** Every week with a deadline, in order. */
  weeks: PreviewWeek[];
  /** The weeks with the most deadlines, most first. */
  busiestWeeks: PreviewWeek[];
  simulation: { events: number; issued: number; accepted: number; overdue: number; rejections: number; endedAt: Instant };
}

export const FIRST_DEADLINES = 10;
export const BUSIEST_WEEKS = 8;

/**
 * The Monday of the week holding an instant, read in the zone its text is written in: the
 * scheduler writes every instant of a plan with the plan's own offset, so the wall date is the
 * first ten characters.
 */
export function weekStartOf(at: Instant): string {
  const day = new Date(`${at.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

const byDue = (a: PreviewDeadline, b: PreviewDeadline) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.assignmentId.localeCompare(b.assignmentId);

/**
 * Runs the plan in virtual time as `planledger simulate` does (everyone on time) and sums up what
 * a planner checks before importing it: phases with their dates, work per department, the first
 * deadlines and the busiest weeks.
 */
export function previewPlan(schedule: PlanSchedule, source: PlanSource): PlanPreview {
  const opened = new Map<string, Instant>();
  const closed = new Map<string, Instant>();
  const issued: PreviewDeadline[] = [];
  const perDepartment = new Map<string, { lead: number; co: number }>();
  const perPhase = new Map<string, number>();
  const onEvent = (event: PlanledgerEvent) => {
    if (event.type === 'PhaseOpened') opened.set(event.data.phaseId, event.at);
    else if (event.type === 'PhaseClosed') closed.set(event.data.phaseId, event.at);
    else if (event.type === 'AssignmentIssued') {
      const { obligation } = event.data;
      issued.push({ assignmentId: obligation.assignmentId, measureId: obligation.measureId, title: obligation.title, departmentId: obligation.departmentId, dueAt: obligation.dueAt });
      const counts = perDepartment.get(obligation.departmentId) ?? { lead: 0, co: 0 };
      counts[obligation.responsibility]++;
      perDepartment.set(obligation.departmentId, counts);
      if (obligation.phaseId) perPhase.set(obligation.phaseId, (perPhase.get(obligation.phaseId) ?? 0) + 1);
    }
  };
  const result = simulatePlan(schedule, source, { onEvent, retainEvents: false });

  const departmentsById = new Map(schedule.departments.map((d) => [d.id, d]));
  issued.sort(byDue);
  const firstDue = new Map<string, Instant>();
  for (const deadline of issued) if (!firstDue.has(deadline.departmentId)) firstDue.set(deadline.departmentId, deadline.dueAt);
  const departments: PreviewDepartment[] = [...perDepartment].map(([departmentId, { lead, co }]) => {
    const department = departmentsById.get(departmentId);
    return { departmentId, name: department?.name ?? departmentId, kind: department?.kind ?? '', assignments: lead + co, lead, co, firstDueAt: firstDue.get(departmentId) ?? null };
  });
  departments.sort((a, b) => b.assignments - a.assignments || a.departmentId.localeCompare(b.departmentId));

  const weekly = new Map<string, number>();
  for (const { dueAt } of issued) weekly.set(weekStartOf(dueAt), (weekly.get(weekStartOf(dueAt)) ?? 0) + 1);
  const weeks = [...weekly].map(([weekStart, deadlines]) => ({ weekStart, deadlines })).sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const busiestWeeks = [...weeks].sort((a, b) => b.deadlines - a.deadlines || a.weekStart.localeCompare(b.weekStart)).slice(0, BUSIEST_WEEKS);

  return {
    plan: {
      planId: schedule.planId, title: schedule.title, documentNumber: schedule.documentNumber, issuingAuthority: schedule.issuingAuthority,
      timeZone: schedule.timeZone, startsAt: schedule.startsAt, endsAt: schedule.endsAt,
      phases: schedule.phases.length, obligations: schedule.obligations.length, departments: schedule.departments.length,
    },
    phases: [...schedule.phases].sort((a, b) => a.order - b.order).map((phase) => ({
      phaseId: phase.phaseId, name: phase.name, kind: phase.kind, opensAt: phase.opensAt, closesAt: phase.closesAt,
      openedAt: opened.get(phase.phaseId) ?? null, closedAt: closed.get(phase.phaseId) ?? null, assignments: perPhase.get(phase.phaseId) ?? 0,
      ...(phase.opensAfter !== undefined ? { opensAfter: phase.opensAfter } : {}),
    })),
    departments,
    firstDeadlines: issued.slice(0, FIRST_DEADLINES),
    weeks,
    busiestWeeks,
    simulation: {
      events: result.events, issued: result.eventsByType.AssignmentIssued ?? 0, accepted: result.eventsByType.AssignmentAccepted ?? 0,
      overdue: result.eventsByType.AssignmentOverdue ?? 0, rejections: result.rejections.length, endedAt: result.endedAt,
    },
  };
}
