import type { PlanledgerEvent, ScheduledBulletin } from '@planledger/domain';

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
    if (event.type.startsWith('Plan')) {
      const detail = event.type === 'PlanAmended' ? String(d.reason) : event.type === 'PlanClosed' ? String(d.reason) : undefined;
      return { ...base, plan, ...(detail ? { detail } : {}) };
    }
    if (event.type.startsWith('Phase')) {
      const name = event.type === 'PhaseScheduled' ? event.data.phase.name : String(d.name ?? '');
      return { ...base, plan, phase: String(d.phaseId), detail: name };
    }
    if (event.type === 'AssignmentIssued') {
      const o = event.data.obligation;
      this.issued.set(o.assignmentId, { measureId: o.measureId, departmentId: o.departmentId, title: o.title });
      return { ...base, plan, phase: o.phaseId, measure: o.measureId, department: o.departmentId, assignment: o.assignmentId, detail: `${o.title}${o.role === undefined ? '' : ` [role ${o.role}]`} (${o.standing ? 'standing, until' : 'due'} ${this.formatInstant(o.dueAt)})` };
    }
    const assignmentId = String(d.assignmentId);
    const known = this.issued.get(assignmentId);
    const department = String(d.departmentId ?? d.toDepartmentId ?? known?.departmentId ?? '');
    if (event.type === 'AssignmentReassigned' && known) known.departmentId = event.data.toDepartmentId;
    return { ...base, plan, measure: known?.measureId, department, assignment: assignmentId, detail: this.detailOf(event) };
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
