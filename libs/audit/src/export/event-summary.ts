import type { StoredEvent } from '@planledger/event-store';

const MAX_SUMMARY = 300;
/** Said by the stream column already. */
const SKIPPED = new Set(['planId', 'assignmentId', 'phaseId']);

/**
 * One line of what an event says, for a spreadsheet cell: its scalar fields as key=value, a
 * schedule or list as a count. The full data stays in the JSON export and in the store.
 */
export function summariseEventData(data: unknown): string {
  if (data === null || typeof data !== 'object') return data === undefined ? '' : String(data);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (SKIPPED.has(key) || value === null || value === undefined) continue;
    if (Array.isArray(value)) parts.push(`${key}: ${value.length}`);
    else if (typeof value === 'object') parts.push(summariseObject(key, value as Record<string, unknown>));
    else parts.push(`${key}=${String(value)}`);
  }
  const text = parts.join('; ');
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}

function summariseObject(key: string, value: Record<string, unknown>): string {
  if (Array.isArray(value.phases) && Array.isArray(value.obligations)) return `${key}: ${value.phases.length} phases, ${value.obligations.length} obligations`;
  if (typeof value.departmentId === 'string' && typeof value.dueAt === 'string') return `${key}: ${value.departmentId} due ${value.dueAt}`;
  return `${key}: {${Object.keys(value).join(', ')}}`;
}

/** The department an event concerns: the one named in its data, else the actor's. */
export function departmentOfEvent(event: StoredEvent): string | null {
  const data = (event.data ?? {}) as { departmentId?: unknown; toDepartmentId?: unknown; obligation?: { departmentId?: unknown }; recipientId?: unknown };
  // A notification's record names the department it was sent to.
  const named = data.departmentId ?? data.toDepartmentId ?? data.obligation?.departmentId ?? data.recipientId;
  if (typeof named === 'string') return named;
  return event.metadata.actor?.departmentId ?? null;
}
