import type { Obligation, PlanledgerEvent, PlanSchedule, ScheduleChanges } from '@planledger/domain';
import type { DepartmentChanges, DerivedNotification, NotificationFacts, NotificationKind, WorkItem } from '../notification';

/** What the read models know when the event is projected (after it was applied). */
/**
 * What derivation reads of the plan's schedule in force: its names, zone, departments, phases and
 * obligations. Assignment events need only the names and the zone; their phases and obligations may be empty.
 */
export type ScheduleForMessages = Pick<PlanSchedule, 'planId' | 'title' | 'timeZone' | 'departments' | 'phases' | 'obligations'>;

export interface DeriveContext {
  schedule: ScheduleForMessages;
  /** The assignment as it stands after the event (assignment events only). */
  assignment?: { assignmentId: string; title: string; departmentId: string; dueAt: string };
  /** Amendments: the assignments the changes name, as they stood before (title, holder). */
  assignmentsBefore?: ReadonlyMap<string, { title: string; departmentId: string }>;
}

/** How many of a department's assignments a publication message lists (the count says the rest). */
export const PUBLISHED_ITEMS_LISTED = 5;

/**
 * Which departments hear of an event, with what. Pure: the projection gathers the context and
 * writes the result to the outbox in the same transaction. Events that concern nobody yield [].
 */
export function deriveNotifications(event: PlanledgerEvent, context: DeriveContext): DerivedNotification[] {
  const { schedule, assignment } = context;
  const names = new Map(schedule.departments.map((d) => [d.id, d.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const base = (kind: NotificationKind, recipientId: string): NotificationFacts => ({
    kind, planId: schedule.planId, planTitle: schedule.title, timeZone: schedule.timeZone, at: event.at, recipientId, recipientName: nameOf(recipientId),
  });
  const work = (kind: NotificationKind, recipientId: string, extra: Partial<NotificationFacts> = {}): NotificationFacts => ({
    ...base(kind, recipientId),
    ...(assignment && { assignmentId: assignment.assignmentId, title: assignment.title, holderId: assignment.departmentId, holderName: nameOf(assignment.departmentId), dueAt: assignment.dueAt }),
    ...extra,
  });
  const one = (facts: NotificationFacts, urgent = false): DerivedNotification => ({ recipientId: facts.recipientId, urgent, facts });

  switch (event.type) {
    case 'AssignmentIssued': {
      const o = event.data.obligation;
      // A standing duty (常态化) has no deadline: its notice names none.
      return [one({ ...base('assignment-issued', o.departmentId), assignmentId: o.assignmentId, title: o.title, holderId: o.departmentId, holderName: nameOf(o.departmentId), ...(o.standing ? {} : { dueAt: o.dueAt }) })];
    }
    case 'AssignmentReminderDue':
      return [one(work('reminder-due', event.data.departmentId, { dueAt: event.data.dueAt, daysBefore: event.data.daysBefore }))];
    case 'AssignmentOverdue':
      return [one(work('overdue', event.data.departmentId, { dueAt: event.data.dueAt }))];
    case 'AssignmentEscalated': {
      const extra = { dueAt: event.data.dueAt, level: event.data.level, daysOverdue: event.data.daysOverdue };
      const recipients = [...new Set([event.data.to, event.data.departmentId])];
      return recipients.map((id) => one(work('escalated', id, extra), true));
    }
    case 'AssignmentSubmitted':
      return event.data.reviewer ? [one(work('submitted', event.data.reviewer, { note: event.data.note }))] : [];
    case 'AssignmentReviewPassed':
      return [one(work('submitted', event.data.nextReviewer, { note: event.data.note }))];
    case 'AssignmentReturned':
      return assignment ? [one(work('returned', assignment.departmentId, { reason: event.data.reason }), true)] : [];
    case 'AssignmentAccepted':
      return assignment ? [one(work('accepted', assignment.departmentId, { note: event.data.note }))] : [];
    case 'PhaseOpened':
    case 'PhaseClosingStarted':
    case 'PhaseClosed': {
      const kind: NotificationKind = event.type === 'PhaseOpened' ? 'phase-opened' : event.type === 'PhaseClosed' ? 'phase-closed' : 'phase-closing';
      const phase = schedule.phases.find((p) => p.phaseId === event.data.phaseId);
      const closesAt = event.type === 'PhaseClosingStarted' ? event.data.closesAt : phase?.closesAt;
      return responsibleIn(schedule.obligations.filter((o) => o.phaseId === event.data.phaseId)).map((id) =>
        one({ ...base(kind, id), phaseId: event.data.phaseId, phaseName: event.data.name, ...(closesAt && { closesAt }) }));
    }
    case 'PlanPublished':
      return [...byDepartment(event.data.schedule.obligations)].map(([id, obligations]) =>
        one({ ...base('plan-published', id), items: obligations.slice(0, PUBLISHED_ITEMS_LISTED).map(itemOf), itemCount: obligations.length }));
    case 'PlanAmended':
      return [...changesByDepartment(event.data.changes, context.assignmentsBefore ?? new Map())].map(([id, changes]) =>
        one({ ...base('plan-amended', id), amendment: event.data.amendment, reason: event.data.reason, changes }));
    default:
      return [];
  }
}

const itemOf = (o: Obligation): WorkItem => ({ assignmentId: o.assignmentId, title: o.title, dueAt: o.dueAt });
const byDue = (a: Obligation, b: Obligation) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.assignmentId.localeCompare(b.assignmentId);

function responsibleIn(obligations: readonly Obligation[]): string[] {
  return [...new Set(obligations.map((o) => o.departmentId))].sort();
}

function byDepartment(obligations: readonly Obligation[]): Map<string, Obligation[]> {
  const map = new Map<string, Obligation[]>();
  for (const o of [...obligations].sort(byDue)) map.set(o.departmentId, [...(map.get(o.departmentId) ?? []), o]);
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/** Each department that an amendment gives, takes or re-dates work, with exactly those changes. */
function changesByDepartment(changes: ScheduleChanges, before: ReadonlyMap<string, { title: string; departmentId: string }>): Map<string, DepartmentChanges> {
  const map = new Map<string, DepartmentChanges>();
  const of = (id: string) => {
    if (!map.has(id)) map.set(id, { added: [], removed: [], redated: [] });
    return map.get(id)!;
  };
  for (const o of [...changes.addedObligations].sort(byDue)) of(o.departmentId).added.push(itemOf(o));
  for (const assignmentId of changes.removedAssignmentIds) {
    const was = before.get(assignmentId);
    if (was) of(was.departmentId).removed.push({ assignmentId, title: was.title });
  }
  for (const r of changes.redated) {
    const was = before.get(r.assignmentId);
    if (was) of(was.departmentId).redated.push({ assignmentId: r.assignmentId, title: was.title, fromDueAt: r.fromDueAt, toDueAt: r.toDueAt });
  }
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}
