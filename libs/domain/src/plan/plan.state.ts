import type { RecordedFinding, RecordedInspection } from '../inspection/inspection.state';
import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanStatus } from './plan.transitions';

export interface PlanState {
  status: PlanStatus;
  planId: string;
  schedule?: PlanSchedule;
  amendments: number;
  publishedAt?: string;
  closedAt?: string;
  /** Occurrences recorded so far, per outside event id. */
  outsideEvents?: Record<string, number>;
  /** Inspections recorded (ADR 0024), by inspection id, and every finding in the order recorded. */
  inspections?: Record<string, RecordedInspection>;
  findings?: RecordedFinding[];
}

export const initialPlanState = (): PlanState => ({ status: 'none', planId: '', amendments: 0 });
