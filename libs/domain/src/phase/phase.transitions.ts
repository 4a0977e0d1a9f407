import type { PhaseCommandType } from './phase.commands';

export type PhaseStatus = 'unscheduled' | 'scheduled' | 'open' | 'closing' | 'closed' | 'cancelled';

/** The phase lifecycle in one table. A closed phase never reopens. */
export const phaseTransitions: Record<PhaseStatus, Partial<Record<PhaseCommandType, PhaseStatus | 'same'>>> = {
  unscheduled: { SchedulePhase: 'scheduled' },
  scheduled: { OpenPhase: 'open', ReschedulePhase: 'same', CancelPhase: 'cancelled' },
  open: { BeginPhaseClosing: 'closing', ClosePhase: 'closed', ReschedulePhase: 'same' },
  closing: { ClosePhase: 'closed', ReschedulePhase: 'same' },
  closed: {},
  cancelled: {},
};

/** Timer commands that arrive after their moment (or twice) do nothing instead of failing. */
export const phaseTimerCommands: readonly PhaseCommandType[] = ['SchedulePhase', 'OpenPhase', 'BeginPhaseClosing', 'ClosePhase'];

export const allowedPhaseCommands = (status: PhaseStatus): PhaseCommandType[] => Object.keys(phaseTransitions[status]) as PhaseCommandType[];
