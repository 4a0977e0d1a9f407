import type { Obligation } from '../schedule/plan-schedule';
import type { FindingRecorded } from './inspection.events';

/** Reminders before a rectification deadline, and when overdue rectification is escalated (days). */
export const RECTIFICATION_REMIND_DAYS_BEFORE: readonly number[] = [7, 1];
export const RECTIFICATION_ESCALATE_AFTER_DAYS = 7;

/** What the workflow knows of a recorded inspection: who reviews its rectifications. */
export interface InspectionFacts {
  inspectingUnitId: string;
}

/**
 * The rectification (整改) a finding owes: the inspected unit drafts, the inspecting unit reviews
 * (the ordinary review chain), due the finding's deadline; overdue work is escalated to the plan's
 * default escalation unit (the leading group), else to the inspecting unit.
 */
export function rectificationObligation(finding: FindingRecorded, inspection: InspectionFacts, escalationDefault: string | undefined): Obligation {
  const { inspectionId, unitId, text, rectificationAssignmentId, dueAt } = finding.data;
  const [measureId, , periodKey] = rectificationAssignmentId.split('.');
  return {
    assignmentId: rectificationAssignmentId,
    measureId: measureId!,
    title: `限期整改:${text}`,
    departmentId: unitId,
    responsibility: 'lead',
    periodKey: periodKey ?? inspectionId,
    requiredCount: 1,
    issueAt: finding.at,
    dueAt,
    reviewers: [inspection.inspectingUnitId],
    remindDaysBefore: [...RECTIFICATION_REMIND_DAYS_BEFORE],
    escalation: [{ afterDays: RECTIFICATION_ESCALATE_AFTER_DAYS, to: escalationDefault ?? inspection.inspectingUnitId }],
  };
}
