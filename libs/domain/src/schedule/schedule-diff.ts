import type { Instant } from '../shared/time';
import type { Obligation, PlanSchedule, ScheduledPhase } from './plan-schedule';
import { diffTargets, hasTargetChanges, type TargetChanges } from '../targets/target-changes';

/** What an amendment changes, computed from the schedule before and after it. */
export interface ScheduleChanges {
  addedObligations: Obligation[];
  removedAssignmentIds: string[];
  redated: { assignmentId: string; fromDueAt: Instant; toDueAt: Instant }[];
  /** Same assignment, same deadline, other terms changed (title, reviewers, reminders, issue date). */
  updatedAssignmentIds: string[];
  addedPhases: ScheduledPhase[];
  removedPhaseIds: string[];
  rescheduledPhases: { from: ScheduledPhase; to: ScheduledPhase }[];
  /** Terms that move no work but belong in the record: title, departments, a phase's focus … */
  otherChanges: string[];
  /**
   * Targets added, removed or changed (ADR 0023, amended). Absent when the targets are the same, and
   * on amendments recorded before it: those read as no target changes (they listed `targets` among
   * `otherChanges`). A reporting assignment of a new or changed `measuredBy` is an obligation like
   * any other: it is in `addedObligations` / `removedAssignmentIds` / `redated`.
   */
  targets?: TargetChanges;
}

/** Instants compare as instants, not as strings: the same moment may be written with another offset. */
const sameInstant = (a: Instant | undefined, b: Instant | undefined) => (a === undefined || b === undefined ? a === b : Date.parse(a) === Date.parse(b));
// An undated phase's opensAt is only a bound (ADR 0019): its moving does not reschedule the phase.
const sameOpening = (a: ScheduledPhase, b: ScheduledPhase) => (a.opensAfter !== undefined && b.opensAfter !== undefined) || sameInstant(a.opensAt, b.opensAt);
const samePhaseWindow = (a: ScheduledPhase, b: ScheduledPhase) =>
  sameOpening(a, b) && sameInstant(a.closesAt, b.closesAt) && sameInstant(a.closingStartsAt, b.closingStartsAt) && a.name === b.name;

/** A phase without its window: what is left when the dates are the same instants. */
const phaseTerms = ({ opensAt: _o, closesAt: _c, closingStartsAt: _s, ...terms }: ScheduledPhase) => terms;

/**
 * A change of responsible unit changes the assignment id (the department is part of it), so it
 * shows here as one obligation removed and one added: the old department's work is cancelled and
 * the new one's issued, and the record says so.
 */
export function diffSchedules(before: PlanSchedule, after: PlanSchedule): ScheduleChanges {
  const beforeById = new Map(before.obligations.map((o) => [o.assignmentId, o]));
  const afterById = new Map(after.obligations.map((o) => [o.assignmentId, o]));
  const beforePhases = new Map(before.phases.map((p) => [p.phaseId, p]));
  const afterPhases = new Map(after.phases.map((p) => [p.phaseId, p]));

  const redated: ScheduleChanges['redated'] = [];
  for (const [id, was] of beforeById) {
    const now = afterById.get(id);
    if (now && Date.parse(now.dueAt) !== Date.parse(was.dueAt)) redated.push({ assignmentId: id, fromDueAt: was.dueAt, toDueAt: now.dueAt });
  }
  const updatedAssignmentIds: string[] = [];
  for (const [id, was] of beforeById) {
    const now = afterById.get(id);
    if (now && JSON.stringify({ ...now, dueAt: 0 }) !== JSON.stringify({ ...was, dueAt: 0 })) updatedAssignmentIds.push(id);
  }
  const rescheduledPhases: ScheduleChanges['rescheduledPhases'] = [];
  for (const [id, was] of beforePhases) {
    const now = afterPhases.get(id);
    if (now && !samePhaseWindow(was, now)) rescheduledPhases.push({ from: was, to: now });
  }
  const otherChanges: string[] = [];
  // Targets are compared term by term below, not listed as one changed term.
  const { obligations: _o1, phases: _p1, targets: beforeTargets, ...beforeTerms } = before;
  const { obligations: _o2, phases: _p2, targets: afterTargets, ...afterTerms } = after;
  for (const key of new Set([...Object.keys(beforeTerms), ...Object.keys(afterTerms)]) as Set<keyof typeof afterTerms>) {
    if (JSON.stringify(beforeTerms[key]) !== JSON.stringify(afterTerms[key])) otherChanges.push(key);
  }
  for (const [id, was] of beforePhases) {
    const now = afterPhases.get(id);
    if (now && samePhaseWindow(was, now) && JSON.stringify(phaseTerms(now)) !== JSON.stringify(phaseTerms(was))) otherChanges.push(`phases.${id}`);
  }
  const targets = diffTargets(beforeTargets, afterTargets);
  return {
    addedObligations: after.obligations.filter((o) => !beforeById.has(o.assignmentId)),
    removedAssignmentIds: before.obligations.filter((o) => !afterById.has(o.assignmentId)).map((o) => o.assignmentId),
    redated,
    updatedAssignmentIds,
    addedPhases: after.phases.filter((p) => !beforePhases.has(p.phaseId)),
    removedPhaseIds: before.phases.filter((p) => !afterPhases.has(p.phaseId)).map((p) => p.phaseId),
    rescheduledPhases,
    otherChanges,
    ...(hasTargetChanges(targets) ? { targets } : {}),
  };
}

export const hasChanges = (c: ScheduleChanges): boolean =>
  c.addedObligations.length + c.removedAssignmentIds.length + c.redated.length + c.updatedAssignmentIds.length + c.addedPhases.length + c.removedPhaseIds.length + c.rescheduledPhases.length + c.otherChanges.length > 0 ||
  hasTargetChanges(c.targets);
