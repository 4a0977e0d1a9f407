import { owingStatuses, type AssignmentStatus } from '@planledger/domain';
import type { AssignmentFilter, AssignmentPosition, AssignmentView } from '@planledger/projections';
import { InvalidRequestError } from '../http/api-errors';

export interface PageRequest {
  limit: number;
  after?: AssignmentPosition;
}

export interface PageInfo {
  limit: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Opaque to callers: base64url of the last assignment's due date and id. */
export function encodeCursor(position: AssignmentPosition | undefined): string | null {
  return position ? Buffer.from(JSON.stringify([position.dueAt, position.assignmentId])).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): AssignmentPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [dueAt, assignmentId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && typeof assignmentId === 'string' && !Number.isNaN(Date.parse(dueAt))) return { dueAt, assignmentId };
  } catch {
    // Reported below, as any other cursor that no page gave out.
  }
  throw new InvalidRequestError([{ path: 'query.cursor', message: 'not a cursor this api gave out: pass `page.nextCursor` of the previous page unchanged' }]);
}

/**
 * The same filter and order as the read-model query, over assignments already in memory (a
 * replay as of a date): both paths answer the same page for the same state.
 */
export function pageOf(assignments: readonly AssignmentView[], filter: AssignmentFilter, page: PageRequest, nowIso: string): { items: AssignmentView[]; next?: AssignmentPosition } {
  const now = Date.parse(nowIso);
  const isOverdue = (a: AssignmentView) => owingStatuses.includes(a.status as AssignmentStatus) && (a.overdueSince !== null || Date.parse(a.dueAt) <= now);
  const after = page.after;
  const afterDue = after ? Date.parse(after.dueAt) : 0;
  const matching = assignments
    .filter((a) =>
      (!filter.statuses || filter.statuses.includes(a.status)) &&
      (filter.departmentId === undefined || a.departmentId === filter.departmentId) &&
      (filter.phaseId === undefined || a.phaseId === filter.phaseId) &&
      (filter.measureId === undefined || a.measureId === filter.measureId) &&
      (filter.overdue === undefined || isOverdue(a) === filter.overdue) &&
      (!after || Date.parse(a.dueAt) > afterDue || (Date.parse(a.dueAt) === afterDue && byteOrder(a.assignmentId, after.assignmentId) > 0)),
    )
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || byteOrder(a.assignmentId, b.assignmentId));
  const items = matching.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items, next: matching.length > page.limit && last ? { dueAt: last.dueAt, assignmentId: last.assignmentId } : undefined };
}

/** `collate "C"`: compare UTF-8 bytes (ids are ASCII, so code units compare the same). */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
