import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanStatus } from './plan.transitions';
import type { Roster } from './roster';

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
}

export const initialPlanState = (): PlanState => ({ status: 'none', planId: '', amendments: 0 });
