import {
  amendmentEffects,
  type AmendmentEffect, type AssignmentStatus, type Instant, type Obligation, type PhaseStatus, type PlanAmended, type PlanSchedule, type ScheduledPhase,
  type TargetStatus, type TargetStatusChanged, type TargetTerm,
} from '@planledger/domain';

/**
 * What happens to one assignment when the amendment is applied:
 * - `cancelled`: issued and still open, its obligation is gone (CancelAssignment);
 * - `redated`: its deadline moves (MoveDeadline when issued and open; a not yet issued one is issued with the new date);
 * - `added`: a new obligation, issued when its time comes;
 * - `dropped`: its obligation is gone before it was issued: it will never be issued.
 * Accepted, waived or cancelled work is history and stays as it is: it is not listed.
 */
export type AssignmentChange = 'cancelled' | 'redated' | 'added' | 'dropped';
export type PhaseChange = 'moved' | 'cancelled' | 'closed' | 'added';

export interface AmendedAssignment {
  assignmentId: string;
  measureId: string;
  title: string;
  change: AssignmentChange;
  /** Its status now (`not_issued` before it is issued). */
  status: AssignmentStatus;
  fromDueAt: Instant | null;
  toDueAt: Instant | null;
}

export interface AmendedDepartment {
  departmentId: string;
  name: string;
  counts: Record<AssignmentChange, number>;
  assignments: AmendedAssignment[];
}

export interface AmendedPhase {
  phaseId: string;
  name: string;
  change: PhaseChange;
  status: PhaseStatus;
  from: { opensAt: Instant; closesAt: Instant } | null;
  to: { opensAt: Instant; closesAt: Instant } | null;
}

/**
 * What happens to one target: `added`, `removed` (its series are no longer judged or shown; what was
 * recorded stays in the record) or `changed` (the terms named). `statuses`: the series whose status
 * the amendment changes, judged again under the new terms with the values recorded so far.
 */
export interface AmendedTarget {
  targetId: string;
  metric: string;
  change: 'added' | 'removed' | 'changed';
  terms: TargetTerm[];
  statuses: { unitId: string | null; from: TargetStatus | null; to: TargetStatus; reason: string }[];
}

export interface AmendmentPreview {
  planId: string;
  title: string;
  /** The number the amendment would get. */
  amendment: number;
  /** Business time now: the amendment would be in force from this instant. */
  inForceAt: Instant;
  counts: Record<AssignmentChange, number> & Record<`phases${Capitalize<PhaseChange>}`, number>;
  phases: AmendedPhase[];
  /** Departments touched, most changes first. */
  departments: AmendedDepartment[];
  /** Terms that move no work (title, departments, a phase's focus …). */
  otherChanges: string[];
  /** Targets added, removed or changed, in the order of the version in force (removed ones last). */
  targets: AmendedTarget[];
}

const window = (phase: ScheduledPhase) => ({ opensAt: phase.opensAt, closesAt: phase.closesAt });
const noCounts = (): Record<AssignmentChange, number> => ({ cancelled: 0, redated: 0, added: 0, dropped: 0 });

/**
 * The effects of a PlanAmended event (decided by the plan decider on the current state) on the
 * work and phases as they stand, through the same `amendmentEffects` the plan workflow applies:
 * the preview names exactly the commands the amendment would give, and what it changes besides.
 */
export function describeAmendment(
  before: PlanSchedule,
  amended: PlanAmended,
  statusOf: (assignmentId: string) => AssignmentStatus,
  phaseStatusOf: (phaseId: string) => PhaseStatus,
  rejudged: readonly TargetStatusChanged[] = [],
): AmendmentPreview {
  const { planId, changes, schedule: after, reason } = amended.data;
  const effects: AmendmentEffect[] = amendmentEffects(planId, changes, statusOf, { actor: amended.actor, at: amended.at }, reason, phaseStatusOf);
  const commandsOn = new Map<string, string>();
  for (const { target, command } of effects) {
    const id = target.aggregate === 'assignment' ? `a:${target.assignmentId}` : target.aggregate === 'phase' ? `p:${target.phaseId}` : '';
    commandsOn.set(id, command.type);
  }
  const obligationsBefore = new Map(before.obligations.map((o) => [o.assignmentId, o]));
  const obligationsAfter = new Map(after.obligations.map((o) => [o.assignmentId, o]));
  const departmentNames = new Map([...before.departments, ...after.departments].map((d) => [d.id, d.name]));

  const assignments: (AmendedAssignment & { departmentId: string })[] = [];
  const push = (obligation: Obligation, change: AssignmentChange, fromDueAt: Instant | null, toDueAt: Instant | null) =>
    assignments.push({
      assignmentId: obligation.assignmentId, measureId: obligation.measureId, title: obligation.title, departmentId: obligation.departmentId,
      change, status: statusOf(obligation.assignmentId), fromDueAt, toDueAt,
    });
  const notIssued = (id: string) => statusOf(id) === 'not_issued';
  for (const id of changes.removedAssignmentIds) {
    const obligation = obligationsBefore.get(id)!;
    if (commandsOn.get(`a:${id}`) === 'CancelAssignment') push(obligation, 'cancelled', obligation.dueAt, null);
    else if (notIssued(id)) push(obligation, 'dropped', obligation.dueAt, null);
  }
  for (const { assignmentId, fromDueAt, toDueAt } of changes.redated) {
    if (commandsOn.get(`a:${assignmentId}`) === 'MoveDeadline' || notIssued(assignmentId)) push(obligationsAfter.get(assignmentId)!, 'redated', fromDueAt, toDueAt);
  }
  for (const obligation of changes.addedObligations) push(obligation, 'added', null, obligation.dueAt);

  const byDepartment = new Map<string, AmendedDepartment>();
  for (const { departmentId, ...assignment } of assignments) {
    const department = byDepartment.get(departmentId) ?? { departmentId, name: departmentNames.get(departmentId) ?? departmentId, counts: noCounts(), assignments: [] };
    department.counts[assignment.change]++;
    department.assignments.push(assignment);
    byDepartment.set(departmentId, department);
  }
  const departments = [...byDepartment.values()].sort((a, b) => b.assignments.length - a.assignments.length || a.departmentId.localeCompare(b.departmentId));
  for (const department of departments) department.assignments.sort((a, b) => Date.parse(a.toDueAt ?? a.fromDueAt!) - Date.parse(b.toDueAt ?? b.fromDueAt!) || a.assignmentId.localeCompare(b.assignmentId));

  const phases: AmendedPhase[] = [];
  const phasesBefore = new Map(before.phases.map((p) => [p.phaseId, p]));
  for (const { from, to } of changes.rescheduledPhases) phases.push({ phaseId: to.phaseId, name: to.name, change: 'moved', status: phaseStatusOf(to.phaseId), from: window(from), to: window(to) });
  for (const phaseId of changes.removedPhaseIds) {
    const command = commandsOn.get(`p:${phaseId}`);
    const was = phasesBefore.get(phaseId)!;
    if (command === 'ClosePhase' || command === 'CancelPhase') {
      phases.push({ phaseId, name: was.name, change: command === 'ClosePhase' ? 'closed' : 'cancelled', status: phaseStatusOf(phaseId), from: window(was), to: null });
    }
  }
  for (const phase of changes.addedPhases) phases.push({ phaseId: phase.phaseId, name: phase.name, change: 'added', status: phaseStatusOf(phase.phaseId), from: null, to: window(phase) });

  const counts = { ...noCounts(), phasesMoved: 0, phasesCancelled: 0, phasesClosed: 0, phasesAdded: 0 };
  for (const { change } of assignments) counts[change]++;
  for (const { change } of phases) counts[`phases${(change[0].toUpperCase() + change.slice(1)) as Capitalize<PhaseChange>}`]++;
  return { planId, title: after.title, amendment: amended.data.amendment, inForceAt: amended.at, counts, phases, departments, otherChanges: changes.otherChanges, targets: amendedTargets(before, amended, rejudged) };
}

/** The amendment's `changes.targets` with each target's name and the statuses it changes (absent on older amendments: none). */
export function amendedTargets(before: PlanSchedule, amended: PlanAmended, rejudged: readonly TargetStatusChanged[]): AmendedTarget[] {
  const changes = amended.data.changes.targets;
  if (!changes) return [];
  const metrics = new Map([...(before.targets ?? []), ...(amended.data.schedule.targets ?? [])].map((t) => [t.targetId, t.metric]));
  const statusesOf = (targetId: string): AmendedTarget['statuses'] => rejudged
    .filter((e) => e.data.targetId === targetId)
    .map(({ data }) => ({ unitId: data.unitId, from: data.previousStatus ?? null, to: data.status, reason: data.reason }));
  const termsOf = new Map(changes.changed.map((c) => [c.targetId, c.terms]));
  const added = new Set(changes.addedTargetIds);
  const kept = (amended.data.schedule.targets ?? []).filter((t) => added.has(t.targetId) || termsOf.has(t.targetId)).map((t): AmendedTarget => ({
    targetId: t.targetId, metric: t.metric, change: added.has(t.targetId) ? 'added' : 'changed', terms: termsOf.get(t.targetId) ?? [], statuses: statusesOf(t.targetId),
  }));
  const removed = changes.removedTargetIds.map((targetId): AmendedTarget => ({ targetId, metric: metrics.get(targetId) ?? targetId, change: 'removed', terms: [], statuses: [] }));
  return [...kept, ...removed];
}

/** The assignments whose status decides what the amendment does to them. */
export const assignmentsToLook = (amended: PlanAmended): string[] => [...amended.data.changes.removedAssignmentIds, ...amended.data.changes.redated.map((r) => r.assignmentId)];
