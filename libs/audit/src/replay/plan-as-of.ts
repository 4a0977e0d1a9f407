import { allowedAssignmentCommands, closingStartOf } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import { addToProgress, emptyProgress, type AssignmentView, type PhaseView, type PlanOverview, type Progress } from '@planledger/projections';
import { isWithinAsOf, type AsOf } from '../as-of/as-of';
import { foldAssignment, foldPhase, foldPlan, type FoldedAssignment, type FoldedPhase } from './fold-aggregates';
import { classifyPlanStream } from './plan-streams';

/** GET /plans/{id}'s shape, computed from the events instead of the read models, plus what was replayed. */
export interface PlanAsOf extends PlanOverview {
  asOf: AsOf & {
    /** How many of the plan's stored events fell on or before the instant. */
    eventsReplayed: number;
    /** Of the plan's events, how many were left out because they came later. */
    eventsAfter: number;
  };
}

/** Instants as the read models print them: UTC with milliseconds. */
const utc = (at: string): string => new Date(at).toISOString();
const utcOrNull = (at: string | null | undefined): string | null => (at ? utc(at) : null);
/** Ids sort in byte order, like `collate "C"` in the read-model queries. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The plan, its phases and every assignment as they stood at `asOf`: the plan's events (any
 * order, any of its streams) filtered to those on or before the instant, each stream folded with
 * its decider. Pure: the same events and instant always give the same answer.
 * Undefined when the plan had no event yet by then.
 */
export function replayPlanAsOf(planId: string, events: readonly StoredEvent[], asOf: AsOf): PlanAsOf | undefined {
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
  const plan = foldPlan(byStream.get(`plan-${planId}`) ?? []);
  const schedule = plan?.state.schedule;
  if (!plan || !schedule || plan.state.status === 'none') return undefined;

  const phases: { phaseId: string; folded: FoldedPhase }[] = [];
  const assignments: AssignmentView[] = [];
  for (const [stream, streamEvents] of byStream) {
    const kind = classifyPlanStream(planId, stream);
    if (kind?.kind === 'phase') {
      const folded = foldPhase(streamEvents);
      if (folded) phases.push({ phaseId: kind.phaseId, folded });
    } else if (kind?.kind === 'assignment') {
      const folded = foldAssignment(streamEvents);
      if (folded) assignments.push(toAssignmentView(planId, kind.assignmentId, folded));
    }
  }
  assignments.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || byteOrder(a.assignmentId, b.assignmentId));

  // Progress counted as getPlanOverview counts it: issued work by status, the rest of the schedule as not issued.
  const overall = emptyProgress();
  const byPhase = new Map<string, Progress>();
  const byDepartment = new Map<string, Progress>();
  const count = (phaseId: string | null | undefined, departmentId: string, status: string) => {
    addToProgress(overall, status);
    if (phaseId) addToProgress(entryOf(byPhase, phaseId), status);
    addToProgress(entryOf(byDepartment, departmentId), status);
  };
  for (const a of assignments) count(a.phaseId, a.departmentId, a.status);
  const issued = new Set(assignments.map((a) => a.assignmentId));
  for (const o of schedule.obligations) if (!issued.has(o.assignmentId)) count(o.phaseId, o.departmentId, 'not_issued');

  const names = new Map(schedule.departments.map((d) => [d.id, d.name]));
  const { state } = plan;
  return {
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
      progress: overall,
    },
    phases: phases
      .map(({ phaseId, folded }) => toPhaseView(phaseId, folded, byPhase.get(phaseId) ?? emptyProgress()))
      .sort((a, b) => a.order - b.order || byteOrder(a.phaseId, b.phaseId)),
    assignments,
    byDepartment: [...byDepartment.entries()]
      .sort(([a], [b]) => byteOrder(a, b))
      .map(([departmentId, progress]) => ({ departmentId, name: names.get(departmentId) ?? null, progress })),
    asOf: { ...asOf, eventsReplayed, eventsAfter: events.length - eventsReplayed },
  };
}

function toPhaseView(phaseId: string, { state, openedAt, closedAt }: FoldedPhase, progress: Progress): PhaseView {
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
    progress,
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

function entryOf(map: Map<string, Progress>, key: string): Progress {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = emptyProgress()));
  return entry;
}
