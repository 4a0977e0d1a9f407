import { compareGlobalPositions, parseGlobalPosition, type StoredEvent } from '@planledger/event-store';
import { toAuditEntry, type AuditEntry } from '../entries/audit-entry';

export interface DepartmentHistoryEntry extends AuditEntry {
  planId: string;
  assignmentId: string;
  /** Who held the assignment once this event was recorded. */
  heldBy: string | null;
}

/**
 * The events of one assignment stream that are about the department's work: from the issue (or
 * the reassignment that gave it the work) up to and including the reassignment that took it
 * away. What happened to the work after it left is another department's history.
 */
export function eventsWhileHeld(departmentId: string, streamEvents: readonly StoredEvent[], ids: { planId: string; assignmentId: string }): DepartmentHistoryEntry[] {
  const ordered = [...streamEvents].sort((a, b) => (a.revision < b.revision ? -1 : 1));
  const entries: DepartmentHistoryEntry[] = [];
  let holder: string | null = null;
  for (const event of ordered) {
    const before: string | null = holder;
    holder = holderAfter(event, holder);
    if (before === departmentId || holder === departmentId) entries.push({ ...toAuditEntry(event), ...ids, heldBy: holder });
  }
  return entries;
}

function holderAfter(event: StoredEvent, holder: string | null): string | null {
  const data = event.data as { obligation?: { departmentId?: string }; toDepartmentId?: string };
  if (event.type === 'AssignmentIssued') return data.obligation?.departmentId ?? holder;
  if (event.type === 'AssignmentReassigned') return data.toDepartmentId ?? holder;
  return holder;
}

/** Newest last by business time; the record order settles equal times (and events without one). */
export function byBusinessTimeThenRecord(a: DepartmentHistoryEntry, b: DepartmentHistoryEntry): number {
  const at = Date.parse(a.businessTime ?? a.recordedAt);
  const bt = Date.parse(b.businessTime ?? b.recordedAt);
  if (at !== bt) return at - bt;
  return compareGlobalPositions(parseGlobalPosition(a.position), parseGlobalPosition(b.position));
}
