import { allowedAssignmentCommands, closingStartOf, streamNames, targetViewsOf, type PlanSchedule, type TargetSeriesView } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import { buildPlanOverview, type AssignmentView, type PhaseView, type PlanOverview } from '@planledger/projections';
import { isWithinAsOf, type AsOf } from '../as-of/as-of';
import { foldAssignment, foldPhase, foldPlan, type FoldedAssignment, type FoldedPhase } from './fold-aggregates';
import { classifyPlanStream } from './plan-streams';
import { outsideEventsOf, type OutsideEventView } from './outside-events';

/** GET /plans/{id}'s shape, computed from the events instead of the read models, plus what was replayed. */
export interface PlanAsOf extends PlanOverview {
  /** The plan's outside events as known at the instant: waiting or recorded, with what each occurrence issued (ADR 0020). */
  outsideEvents: OutsideEventView[];
  /** Each target's values and status as recorded by the instant (ADR 0023): what an auditor could have known then. */
  targets?: TargetSeriesView[];
  asOf: AsOf & {
    /** How many of the plan's stored events fell on or before the instant. */
    eventsReplayed: number;
    /** Of the plan's events, how many were left out because they came later. */
    eventsAfter: number;
    /**
     * Set when the replay was of one department's work (GET /plans/{id}?department=&asOf=): the
     * events counted above are those read for it, and every count (the plan's, each phase's,
     * `byDepartment`) is of that department's work only.
     */
    departmentId?: string;
  };
}

/** One department's work: what GET /plans/{id}?department=&asOf= shows. */
export interface ReplayScope {
  departmentId: string;
}

/** Instants as the read models print them: UTC with milliseconds. */
const utc = (at: string): string => new Date(at).toISOString();
const utcOrNull = (at: string | null | undefined): string | null => (at ? utc(at) : null);

/**
 * The plan, its phases and every assignment as they stood at `asOf`: the plan's events (any
 * order, any of its streams) filtered to those on or before the instant, each stream folded with
 * its decider. Pure: the same events and instant always give the same answer.
 * Undefined when the plan had no event yet by then.
 *
 * With a `scope`, only the department's work: the assignments it held at the instant, and the
 * counts of its work alone (its issued assignments, and its obligations not yet issued). `events`
 * then need only hold the plan's and phases' streams and every assignment stream ever given to the
 * department (loadDepartmentPlanEvents); more streams change nothing. The assignments and the
 * department's `byDepartment` entry equal those of the full replay (department-as-of.int.spec.ts).
 */
export function replayPlanAsOf(planId: string, events: readonly StoredEvent[], asOf: AsOf, scope?: ReplayScope): PlanAsOf | undefined {
  const within = isWithinAsOf(asOf);
  const byStream = new Map<string, StoredEvent[]>();
  let eventsReplayed = 0;
  for (const event of events) {
    if (!classifyPlanStream(planId, event.stream) || !within(event)) continue;
    eventsReplayed++;
    const list = byStream.get(event.stream) ?? [];
    list.push(event);
    byStream.set(event.stream, list);
  }
  const plan = foldPlan(byStream.get(streamNames.plan(planId)) ?? []);
  const schedule = plan?.state.schedule;
  if (!plan || !schedule || plan.state.status === 'none') return undefined;

  const phases: Omit<PhaseView, 'progress'>[] = [];
  const assignments: AssignmentView[] = [];
  for (const [stream, streamEvents] of byStream) {
    const kind = classifyPlanStream(planId, stream);
    if (kind?.kind === 'phase') {
      const folded = foldPhase(streamEvents);
      if (folded) phases.push(toPhaseView(kind.phaseId, folded));
    } else if (kind?.kind === 'assignment') {
      const folded = foldAssignment(streamEvents);
      if (folded) assignments.push(toAssignmentView(planId, kind.assignmentId, folded));
    }
  }
  const { state } = plan;
  let counted: Pick<PlanSchedule, 'obligations' | 'departments' | 'phases'> = schedule;
  let issued = assignments;
  if (scope) {
    // An obligation of the department whose stream was read was issued: it counts where its
    // assignment is now (here if the department holds it). One whose stream has no event by the
    // instant is not issued yet, and counts here, as in the full replay.
    const read = new Set(assignments.map((a) => a.assignmentId));
    issued = assignments.filter((a) => a.departmentId === scope.departmentId);
    counted = { departments: schedule.departments, phases: schedule.phases, obligations: schedule.obligations.filter((o) => o.departmentId === scope.departmentId && !read.has(o.assignmentId)) };
  }
  const overview = buildPlanOverview({
    plan: {
      planId,
      title: schedule.title,
      documentNumber: schedule.documentNumber,
      issuingAuthority: schedule.issuingAuthority,
      timeZone: schedule.timeZone,
      status: state.status as 'draft' | 'published' | 'closed',
      startsAt: utc(schedule.startsAt),
      endsAt: utc(schedule.endsAt),
      amendments: state.amendments,
      publishedAt: utcOrNull(state.publishedAt),
      closedAt: utcOrNull(state.closedAt),
      updatedAt: utc(plan.updatedAt),
    },
    schedule: counted,
    phases,
    assignments: issued,
  });
  const issuedUnder = new Map<string, number>();
  for (const a of issued) issuedUnder.set(a.periodKey, (issuedUnder.get(a.periodKey) ?? 0) + 1);
  const outsideEvents = outsideEventsOf(byStream.get(streamNames.plan(planId)) ?? [], (key) => issuedUnder.get(key) ?? 0, asOf.instant);
  // Left out for plans without targets, so their replays stay as they were.
  const targets = schedule.targets?.length ? { targets: targetViewsOf(state) } : {};
  return { ...overview, outsideEvents, ...targets, asOf: { ...asOf, eventsReplayed, eventsAfter: events.length - eventsReplayed, ...(scope && { departmentId: scope.departmentId }) } };
}

function toPhaseView(phaseId: string, { state, openedAt, closedAt }: FoldedPhase): Omit<PhaseView, 'progress'> {
  const phase = state.phase!;
  return {
    phaseId,
    name: phase.name,
    kind: phase.kind,
    order: phase.order,
    status: state.status,
    opensAt: utc(phase.opensAt),
    closingStartsAt: utc(closingStartOf(phase)),
    closesAt: utc(phase.closesAt),
    openedAt: utcOrNull(openedAt),
    closedAt: utcOrNull(closedAt),
  };
}

function toAssignmentView(planId: string, assignmentId: string, { state, issuedAt, lastEventAt }: FoldedAssignment): AssignmentView {
  const o = state.obligation!;
  return {
    planId,
    assignmentId,
    ref: `${planId}.${assignmentId}`,
    measureId: o.measureId,
    title: o.title,
    phaseId: o.phaseId ?? null,
    departmentId: state.departmentId,
    responsibility: o.responsibility,
    periodKey: o.periodKey,
    status: state.status,
    issueAt: utc(o.issueAt),
    dueAt: utc(state.dueAt),
    issuedAt: utc(issuedAt),
    submittedAt: utcOrNull(state.submittedAt),
    acceptedAt: utcOrNull(state.acceptedAt),
    overdueSince: utcOrNull(state.overdueSince),
    escalationLevel: state.escalationLevel,
    remindersSent: state.remindersSent.length,
    lastEventAt: utc(lastEventAt),
    allowedActions: allowedAssignmentCommands(state.status),
  };
}
