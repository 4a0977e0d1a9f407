import { applyRosterEntries, holdersOf, type PlanledgerEvent, type Roster, type ScheduledBulletin, type TargetChanges } from '@planledger/domain';

/** One line of the preview: what happened, when, to whom. */
export interface TimelineEntry {
  at: string;
  type: string;
  plan: string;
  phase?: string;
  measure?: string;
  department?: string;
  assignment?: string;
  detail?: string;
}

type AssignmentDetails = { measureId: string; departmentId: string; title: string };

/**
 * Flattens an event for people and for `--json`. Assignment events after the first carry only
 * the assignment id, so the details of issued work are remembered here.
 */
export class TimelineBuilder {
  private readonly issued = new Map<string, AssignmentDetails>();
  /** Undated phases scheduled and not yet opened: phase id → the phase it opens after (ADR 0019). */
  private readonly waitingPhases = new Map<string, { name: string; opensAfter: string }>();
  /** Who holds each role@unit so far, as RosterAssigned said (ADR 0022). */
  private roster: Roster = {};

  constructor(
    private readonly planId: string,
    private readonly formatInstant: (at: string) => string = (at) => at,
  ) {}

  /** A bulletin the plan's timetable issues (not a plan event: the service records BulletinIssued apart). */
  bulletin(slot: ScheduledBulletin): TimelineEntry {
    const detail = slot.period.kind === 'phase' ? `通报 on phase ${slot.period.phaseId}, as of this instant` : `通报 on work due ${slot.period.from} … ${slot.period.to}, as of this instant`;
    return { at: this.formatInstant(slot.dueAt), type: 'BulletinDue', plan: this.planId, ...(slot.period.kind === 'phase' ? { phase: slot.period.phaseId } : {}), assignment: slot.slotId, detail };
  }

  entry(event: PlanledgerEvent): TimelineEntry {
    const base = { at: this.formatInstant(event.at), type: event.type };
    const d = event.data as Record<string, unknown>;
    const plan = this.planId;
    if (event.type === 'OutsideEventRecorded') {
      const { eventId, occurrence, date, units } = event.data;
      return { ...base, plan, detail: `${eventId} #${occurrence} on ${date}${units.length > 0 ? ` at ${units.join(', ')}` : ''}` };
    }
    if (event.type === 'RosterAssigned') {
      this.roster = applyRosterEntries(this.roster, event.data.entries);
      const named = event.data.entries.map((e) => `${e.roleId}@${e.unitId}: ${e.people.length === 0 ? '未指定 (vacated)' : e.people.map((p) => p.name).join(', ')}`);
      return { ...base, plan, detail: named.join('; ') };
    }
    if (event.type === 'TargetMeasured') {
      const { targetId, unitId, period, value, assignmentId } = event.data;
      return { ...base, plan, measure: targetId, ...(unitId !== null ? { department: unitId } : {}), ...(assignmentId ? { assignment: assignmentId } : {}), detail: `${targetId} ${period}: ${String(value)}` };
    }
    if (event.type === 'TargetStatusChanged') {
      const { targetId, unitId, period, status, previousStatus, reason } = event.data;
      return { ...base, plan, measure: targetId, ...(unitId !== null ? { department: unitId } : {}), detail: `${targetId} ${period} ${previousStatus ?? 'unmeasured'} → ${status}: ${reason}` };
    }
    if (event.type === 'InspectionRecorded') {
      const { inspectionId, inspectingUnitId, unitIds, date, scheduled } = event.data;
      return { ...base, plan, department: inspectingUnitId, detail: `${inspectionId} on ${date} (${scheduled ? 'planned' : 'unannounced'}) at ${unitIds.join(', ')}` };
    }
    if (event.type === 'FindingRecorded') {
      const { findingId, unitId, text, repeatOf, rectificationAssignmentId } = event.data;
      return { ...base, plan, department: unitId, assignment: rectificationAssignmentId, detail: `${findingId}: ${text}${repeatOf ? ` (repeats ${repeatOf})` : ''}` };
    }
    if (event.type === 'PlanAmended') {
      const targets = targetChangesText(event.data.changes.targets);
      return { ...base, plan, detail: targets ? `${event.data.reason}; ${targets}` : event.data.reason };
    }
    if (event.type.startsWith('Plan')) {
      const detail = event.type === 'PlanClosed' ? String(d.reason) : undefined;
      return { ...base, plan, ...(detail ? { detail } : {}) };
    }
    if (event.type === 'PhaseScheduled' && event.data.phase.opensAfter !== undefined) {
      const { phase } = event.data;
      this.waitingPhases.set(phase.phaseId, { name: phase.name, opensAfter: phase.opensAfter! });
      return { ...base, plan, phase: phase.phaseId, detail: `${phase.name} (undated: opens when ${phase.opensAfter} closes)` };
    }
    if (event.type === 'PhaseOpened') this.waitingPhases.delete(event.data.phaseId);
    if (event.type.startsWith('Phase')) {
      const name = event.type === 'PhaseScheduled' ? event.data.phase.name : String(d.name ?? '');
      return { ...base, plan, phase: String(d.phaseId), detail: name };
    }
    if (event.type === 'AssignmentIssued') {
      const o = event.data.obligation;
      this.issued.set(o.assignmentId, { measureId: o.measureId, departmentId: o.departmentId, title: o.title });
      return { ...base, plan, phase: o.phaseId, measure: o.measureId, department: o.departmentId, assignment: o.assignmentId, detail: `${o.title}${o.role === undefined ? '' : ` [role ${o.role}${this.holdersText(o.role, o.departmentId)}]`} (${o.standing ? 'standing, until' : 'due'} ${this.formatInstant(o.dueAt)})` };
    }
    const assignmentId = String(d.assignmentId);
    const known = this.issued.get(assignmentId);
    const department = String(d.departmentId ?? d.toDepartmentId ?? known?.departmentId ?? '');
    if (event.type === 'AssignmentReassigned' && known) known.departmentId = event.data.toDepartmentId;
    return { ...base, plan, measure: known?.measureId, department, assignment: assignmentId, detail: this.detailOf(event) };
  }

  /** What the run never did: each undated phase that did not open, and why (for the end of the timeline). */
  phasesNeverOpened(): string[] {
    return [...this.waitingPhases].map(([phaseId, { name, opensAfter }]) =>
      `phase ${phaseId} (${name}) never opened: it opens when ${opensAfter} closes, which did not happen in this run (simulate --close-phase ${opensAfter}=YYYY-MM-DD)`);
  }

  /** ": 张老师, 李老师" when the roster names holders of the role at the unit; nothing until it does. */
  private holdersText(roleId: string, unitId: string): string {
    const people = holdersOf(this.roster, roleId, unitId);
    return people.length === 0 ? '' : `: ${people.map((p) => p.name).join(', ')}`;
  }

  private detailOf(event: PlanledgerEvent): string | undefined {
    switch (event.type) {
      case 'AssignmentReminderDue':
        return `${event.data.daysBefore} day(s) before ${this.formatInstant(event.data.dueAt)}`;
      case 'AssignmentEscalated':
        return `level ${event.data.level} to ${event.data.to}, ${event.data.daysOverdue} day(s) overdue`;
      case 'AssignmentSubmitted':
        return event.data.late ? 'late' : 'on time';
      case 'AssignmentReviewPassed':
        return `${event.data.reviewer} → ${event.data.nextReviewer}`;
      case 'AssignmentAccepted':
        return event.data.reviewer ? `by ${event.data.reviewer}` : undefined;
      case 'AssignmentReturned':
      case 'AssignmentWaived':
      case 'AssignmentCancelled':
        return event.data.reason;
      case 'AssignmentDeadlineMoved':
        return `${this.formatInstant(event.data.fromDueAt)} → ${this.formatInstant(event.data.toDueAt)}`;
      default:
        return undefined;
    }
  }
}

/**
 * What an amendment does to targets, for its timeline line: "targets: enrolment changed (value,
 * milestones), evaluation removed, quality added". The statuses judged again follow as their own
 * TargetStatusChanged lines. Undefined when it changes none (and on amendments recorded before).
 */
export function targetChangesText(changes: TargetChanges | undefined): string | undefined {
  if (!changes) return undefined;
  const parts = [
    ...changes.changed.map((c) => `${c.targetId} changed (${c.terms.join(', ')})`),
    ...changes.addedTargetIds.map((id) => `${id} added`),
    ...changes.removedTargetIds.map((id) => `${id} removed (no longer judged or shown)`),
  ];
  return parts.length > 0 ? `targets: ${parts.join(', ')}` : undefined;
}
