/** An inspection the plan stream records, as the plan decider keeps it. */
export interface RecordedInspection {
  inspectingUnitId: string;
  unitIds: string[];
  date: string;
  /** Findings recorded so far for it: the next is numbered one more. */
  findings: number;
}

/** A finding as later findings look back at it (to mark repeats). */
export interface RecordedFinding {
  findingId: string;
  inspectionId: string;
  unitId: string;
  code?: string;
}

/** The rectification deadline when neither the finding nor the plan's inspection gives one. */
export const DEFAULT_RECTIFICATION_DAYS = 30;
