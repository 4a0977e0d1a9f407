import type { ScheduledPhase } from '../schedule/plan-schedule';
import type { PhaseStatus } from './phase.transitions';

export interface PhaseState {
  status: PhaseStatus;
  planId: string;
  phase?: ScheduledPhase;
}

export const initialPhaseState = (): PhaseState => ({ status: 'unscheduled', planId: '' });
