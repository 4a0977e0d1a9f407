import type { DomainEventOf } from '../shared/decider';

/**
 * An inspection (督查) took place (ADR 0024): `inspectingUnitId` inspected `unitIds` on the local
 * `date`. `scheduled`: the plan names it under `inspections:`; otherwise it was unannounced
 * (暗访, 随机督查), possibly an outside event of the plan marked `inspection` (`eventId`).
 * `recordedBy` is the user who recorded it; `at` the business instant of the recording.
 * Shape fixed by the #15 contract (the assessment reads it by type name).
 */
export type InspectionRecorded = DomainEventOf<
  'InspectionRecorded',
  { planId: string; inspectionId: string; inspectingUnitId: string; unitIds: string[]; date: string; scheduled: boolean; eventId?: string; recordedBy: string; at: string }
>;

/**
 * One finding (问题清单) of an inspection for one inspected unit. The plan workflow answers it by
 * issuing `rectificationAssignmentId` (整改) to `unitId`, due `dueAt`, reviewed by the inspecting
 * unit. `repeatOf`: the earlier finding for the same unit it repeats (named by the recorder, or
 * found by the same `code`). `code` and `dueAt` are additions to the #15 contract's fields (readers
 * that do not know them ignore them): the category the recorder gave, and the rectification deadline.
 */
export type FindingRecorded = DomainEventOf<
  'FindingRecorded',
  {
    planId: string; inspectionId: string; findingId: string; unitId: string; text: string; repeatOf?: string;
    rectificationAssignmentId: string; at: string; code?: string; dueAt: string;
  }
>;

export type InspectionEvent = InspectionRecorded | FindingRecorded;
