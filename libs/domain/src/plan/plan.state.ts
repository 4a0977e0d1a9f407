import type { PlanSchedule } from '../schedule/plan-schedule';
import type { PlanStatus } from './plan.transitions';

export interface PlanState {
  status: PlanStatus;
  planId: string;
  schedule?: PlanSchedule;
  amendments: number;
  publishedAt?: string;
  closedAt?: string;
}

export const initialPlanState = (): PlanState => ({ status: 'none', planId: '', amendments: 0 });
