import type { RecordedFinding, RecordedInspection } from '../inspection/inspection.state';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanStatus } from './plan.transitions';
import type { Roster } from './roster';
import type { Measurement } from '../targets/target-status';
import type { TargetStatus } from '../targets/scheduled-target';

export interface PlanState {
  status: PlanStatus;
  planId: string;
  schedule?: PlanSchedule;
  amendments: number;
  publishedAt?: string;
  closedAt?: string;
  /** Occurrences recorded so far, per outside event id. */
  outsideEvents?: Record<string, number>;
  /** Who holds each role@unit now (absent: no roster yet). */
  roster?: Roster;
  /** Per target series (targetSeriesKey): the values measured, in the order recorded, and the status they gave. */
  targets?: Record<string, { measurements: (Measurement & { at: string; assignmentId?: string })[]; status?: TargetStatus; reason?: string }>;
  /** Inspections recorded (ADR 0024), by inspection id, and every finding in the order recorded. */
  inspections?: Record<string, RecordedInspection>;
  findings?: RecordedFinding[];
}

export const initialPlanState = (): PlanState => ({ status: 'none', planId: '', amendments: 0 });
