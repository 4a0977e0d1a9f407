import type { StoredEvent } from '@planledger/event-store';
import type { AssignmentView } from '@planledger/projections';
import { isWithinAsOf, type AsOf } from '../as-of/as-of';
import { toAuditEntry, type AuditEntry } from '../entries/audit-entry';
import type { PlanEvents } from '../loading/plan-events';
import { replayPlanAsOf, type PlanAsOf } from '../replay/plan-as-of';
import type { AssignmentRow, EventRow } from './export-columns';
import { departmentOfEvent, summariseEventData } from './event-summary';

/** Everything an offline review needs of one plan as of one instant. */
export interface PlanExport {
  planId: string;
  asOf: AsOf;
  /** The replayed plan (GET /plans/{id}?asOf= shape); undefined if the plan did not exist yet. */
  overview: PlanAsOf | undefined;
  assignments: AssignmentRow[];
  /** Every event of the plan's streams up to the instant, in record order. */
  events: StoredEvent[];
  eventRows: EventRow[];
}

export function toAssignmentRow(view: AssignmentView): AssignmentRow {
  const { allowedActions: _allowed, ref: _ref, ...row } = view;
  return row;
}

export function toEventRow(event: StoredEvent): EventRow {
  return {
    recordedAt: event.recordedAt.toISOString(),
    businessTime: event.metadata.businessTime ?? null,
    stream: event.stream,
    revision: Number(event.revision),
    type: event.type,
    actor: event.metadata.actor?.userId ?? null,
    role: event.metadata.actor?.role ?? null,
    departmentId: departmentOfEvent(event),
    summary: summariseEventData(event.data),
    hash: event.hash,
  };
}

/** Pure: the loaded plan events and the instant decide everything. `onEvent` lets a caller show progress. */
export function buildPlanExport(loaded: PlanEvents, asOf: AsOf, onEvent?: (done: number, total: number) => void): PlanExport {
  const overview = replayPlanAsOf(loaded.planId, loaded.events, asOf);
  const within = isWithinAsOf(asOf);
  const events = loaded.events.filter(within);
  const eventRows: EventRow[] = [];
  for (const event of events) {
    eventRows.push(toEventRow(event));
    if (eventRows.length % 500 === 0) onEvent?.(eventRows.length, events.length);
  }
  onEvent?.(events.length, events.length);
  return { planId: loaded.planId, asOf, overview, assignments: (overview?.assignments ?? []).map(toAssignmentRow), events, eventRows };
}

/** The JSON export: the replayed plan and the events as the store holds them (hashes included). */
export function planExportJson(plan: PlanExport, generatedAt: Date): { generatedAt: string; planId: string; asOf: AsOf; overview: PlanAsOf | null; events: AuditEntry[] } {
  return { generatedAt: generatedAt.toISOString(), planId: plan.planId, asOf: plan.asOf, overview: plan.overview ?? null, events: plan.events.map(toAuditEntry) };
}
