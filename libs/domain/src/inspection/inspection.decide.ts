import type { PlanState } from '../plan/plan.state';
import { accept, reject, type Decision } from '../shared/decider';
import { DAY_MS, instantOf, toMillis } from '../shared/time';
import type { InspectionCommand } from './inspection.commands';
import type { InspectionEvent } from './inspection.events';
import { DEFAULT_RECTIFICATION_DAYS, type RecordedFinding } from './inspection.state';

/** Ids become part of assignment ids and BullMQ job ids: ASCII, no '.' or ':'. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The rectification assignment a finding issues: `${measureId}.${unit}.${periodKey}`, as every obligation's id. */
export const rectificationMeasureId = (inspectionId: string): string => `rectify-${inspectionId}`;

/**
 * The plan decider's part for inspections and findings (ADR 0024), on a published plan. Rules:
 * an inspection is recorded once; its units and inspecting unit are units of the plan; a finding
 * is for a unit that inspection inspected. Who may record (a planner or the inspecting unit) is the API's check.
 */
export function decideInspection(command: InspectionCommand, state: PlanState): Decision<InspectionEvent> {
  const { at, actor } = command.metadata;
  const { planId, inspectionId } = command.data;
  const invalid = (field: string, message: string) => reject<InspectionEvent>({ code: 'invalid_command', aggregate: 'plan', id: planId, field, message });
  const units = new Set(state.schedule?.departments.map((d) => d.id));
  const declared = state.schedule?.inspections?.find((i) => i.inspectionId === inspectionId);

  if (command.type === 'RecordInspection') {
    const { date, eventId } = command.data;
    if (!SAFE_ID.test(inspectionId)) return invalid('inspectionId', `"${inspectionId}" is not an id (letters, digits, '-' and '_')`);
    if (state.inspections?.[inspectionId]) return invalid('inspectionId', `inspection "${inspectionId}" is already recorded`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return invalid('date', `"${date}" is not a date (YYYY-MM-DD)`);
    const inspectingUnitId = command.data.inspectingUnitId ?? declared?.inspectingUnitId;
    if (!inspectingUnitId) return invalid('inspectingUnitId', `"${inspectionId}" is not an inspection the plan names; say which unit inspects`);
    if (!units.has(inspectingUnitId)) return invalid('inspectingUnitId', `plan ${planId} has no unit "${inspectingUnitId}"`);
    const unitIds = command.data.unitIds?.length ? command.data.unitIds : (declared?.unitIds ?? []);
    if (unitIds.length === 0) return invalid('unitIds', 'an inspection is recorded against the units inspected; name at least one');
    const unknown = unitIds.find((unit) => !units.has(unit));
    if (unknown !== undefined) return invalid('unitIds', `plan ${planId} has no unit "${unknown}"`);
    if (eventId !== undefined && !state.schedule?.outsideEvents?.some((e) => e.eventId === eventId && e.inspection)) {
      return invalid('eventId', `plan ${planId} names no outside event "${eventId}" marked inspection`);
    }
    const data = { planId, inspectionId, inspectingUnitId, unitIds: [...new Set(unitIds)], date, scheduled: declared !== undefined, ...(eventId ? { eventId } : {}), recordedBy: actor.userId, at };
    return accept({ type: 'InspectionRecorded', schemaVersion: 1, at, actor, data });
  }

  const { unitId, text, code, repeatOf: named, rectificationDays, dueAt: givenDue } = command.data;
  const inspection = state.inspections?.[inspectionId];
  if (!inspection) return invalid('inspectionId', `no inspection "${inspectionId}" is recorded for plan ${planId}`);
  if (!inspection.unitIds.includes(unitId)) return invalid('unitId', `"${unitId}" was not inspected by "${inspectionId}" (inspected: ${inspection.unitIds.join(', ')})`);
  if (!text.trim()) return invalid('text', 'a finding says what was found');
  if (code !== undefined && !code.trim()) return invalid('code', 'a category, when given, is not blank');
  const earlier = (state.findings ?? []).filter((f) => f.unitId === unitId);
  let repeatOf: RecordedFinding | undefined;
  if (named !== undefined) {
    repeatOf = earlier.find((f) => f.findingId === named);
    if (!repeatOf) return invalid('repeatOf', `"${named}" is no earlier finding for ${unitId}`);
  } else if (code !== undefined) {
    repeatOf = earlier.filter((f) => f.code === code && f.inspectionId !== inspectionId).at(-1);
  }
  const days = rectificationDays ?? declared?.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS;
  if (!(days > 0)) return invalid('rectificationDays', `rectification takes a positive number of days, not ${days}`);
  const dueAt = givenDue ?? instantOf(toMillis(at) + days * DAY_MS);
  if (toMillis(dueAt) <= toMillis(at)) return invalid('dueAt', `the rectification deadline ${dueAt} is not after the finding (${at})`);
  const number = inspection.findings + 1;
  const findingId = `${inspectionId}-${number}`;
  const rectificationAssignmentId = `${rectificationMeasureId(inspectionId)}.${unitId}.finding-${number}`;
  const data = {
    planId, inspectionId, findingId, unitId, text: text.trim(), ...(repeatOf ? { repeatOf: repeatOf.findingId } : {}),
    rectificationAssignmentId, at, ...(code !== undefined ? { code: code.trim() } : {}), dueAt,
  };
  return accept({ type: 'FindingRecorded', schemaVersion: 1, at, actor, data });
}

/** The plan state after an inspection event (the plan decider's evolve delegates here). */
export function evolveInspection(state: PlanState, event: InspectionEvent): PlanState {
  if (event.type === 'InspectionRecorded') {
    const { inspectionId, inspectingUnitId, unitIds, date } = event.data;
    return { ...state, inspections: { ...state.inspections, [inspectionId]: { inspectingUnitId, unitIds, date, findings: 0 } } };
  }
  const { inspectionId, findingId, unitId, code } = event.data;
  const inspection = state.inspections?.[inspectionId];
  const inspections = inspection ? { ...state.inspections, [inspectionId]: { ...inspection, findings: inspection.findings + 1 } } : state.inspections;
  return { ...state, inspections, findings: [...(state.findings ?? []), { findingId, inspectionId, unitId, ...(code !== undefined ? { code } : {}) }] };
}
