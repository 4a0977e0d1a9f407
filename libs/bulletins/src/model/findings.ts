import { isWithinAsOf, type AsOf } from '@planledger/audit';
import { localDateOf, type LocalDate } from '@planledger/calendar';
import { owingStatuses, streamNames, type AssignmentStatus, type FindingRecorded, type InspectionRecorded } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import type { AssignmentView } from '@planledger/projections';
import { weekdayOf } from './chinese-dates';

/**
 * Findings of inspections (督查问题, ADR 0024) as of one moment, each with the state of its
 * rectification (整改): read from the plan stream's InspectionRecorded / FindingRecorded events
 * recorded by then and the rectification assignments as the replay left them. Pure.
 */
export interface FindingView {
  findingId: string;
  inspectionId: string;
  /** The inspection's date (local), its inspecting unit, and whether the plan named it in advance. */
  inspectionDate: LocalDate;
  inspectingUnit: { id: string; name: string };
  scheduled: boolean;
  unit: { id: string; name: string };
  text: string;
  code: string | null;
  /** The earlier finding it repeats (屡查屡犯), null when it is a first. */
  repeatOf: string | null;
  recordedAt: string;
  rectification: {
    assignmentId: string;
    /** Not yet issued when the reaction has not run by then. */
    status: AssignmentStatus | 'not_issued';
    dueAt: string;
    dueDate: LocalDate;
    dueWeekday: string;
    /** Still owed and past its deadline at the moment judged. */
    overdue: boolean;
    acceptedAt: string | null;
  };
}

export interface FindingsAsOf {
  findings: FindingView[];
  /** Per inspected unit: how many findings, how many repeated, rectified (accepted), overdue. */
  byUnit: { unitId: string; name: string; findings: number; repeated: number; rectified: number; overdue: number }[];
}

type InspectionData = InspectionRecorded['data'];
type FindingData = FindingRecorded['data'];

export function findingsAsOf(
  planId: string, events: readonly StoredEvent[], asOf: AsOf,
  context: { assignments: readonly AssignmentView[]; nameOf: (unitId: string) => string; timeZone: string; judgedMs: number },
): FindingsAsOf {
  const within = isWithinAsOf(asOf);
  const planStream = streamNames.plan(planId);
  const inspections = new Map<string, InspectionData>();
  const recorded: FindingData[] = [];
  for (const event of events) {
    if (event.stream !== planStream || !within(event)) continue;
    if (event.type === 'InspectionRecorded') {
      const data = event.data as InspectionData;
      inspections.set(data.inspectionId, data);
    } else if (event.type === 'FindingRecorded') recorded.push(event.data as FindingData);
  }
  const work = new Map(context.assignments.map((a) => [a.assignmentId, a]));
  const unit = (id: string) => ({ id, name: context.nameOf(id) });
  const findings = recorded.map((f): FindingView => {
    const inspection = inspections.get(f.inspectionId);
    const assignment = work.get(f.rectificationAssignmentId);
    const dueAt = assignment?.dueAt ?? f.dueAt;
    const dueDate = localDateOf(dueAt, context.timeZone);
    const status = assignment?.status ?? 'not_issued';
    const owing = assignment !== undefined && owingStatuses.includes(assignment.status);
    return {
      findingId: f.findingId, inspectionId: f.inspectionId, inspectionDate: inspection?.date ?? '', inspectingUnit: unit(inspection?.inspectingUnitId ?? ''),
      scheduled: inspection?.scheduled ?? false, unit: unit(f.unitId), text: f.text, code: f.code ?? null, repeatOf: f.repeatOf ?? null, recordedAt: f.at,
      rectification: {
        assignmentId: f.rectificationAssignmentId, status, dueAt, dueDate, dueWeekday: weekdayOf(dueDate),
        overdue: owing && (assignment.overdueSince !== null || Date.parse(dueAt) <= context.judgedMs), acceptedAt: assignment?.acceptedAt ?? null,
      },
    };
  });
  const units = [...new Set(findings.map((f) => f.unit.id))].sort();
  const byUnit = units.map((unitId) => {
    const of = findings.filter((f) => f.unit.id === unitId);
    return {
      unitId, name: context.nameOf(unitId), findings: of.length, repeated: of.filter((f) => f.repeatOf !== null).length,
      rectified: of.filter((f) => f.rectification.status === 'accepted').length, overdue: of.filter((f) => f.rectification.overdue).length,
    };
  });
  return { findings, byUnit };
}
