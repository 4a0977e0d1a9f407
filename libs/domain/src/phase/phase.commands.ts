import type { Command } from '../shared/decider';
import type { ScheduledPhase } from '../schedule/plan-schedule';

type PhaseRef = { planId: string; phaseId: string };

export type SchedulePhase = Command<'SchedulePhase', PhaseRef & { phase: ScheduledPhase }>;
export type OpenPhase = Command<'OpenPhase', PhaseRef>;
export type BeginPhaseClosing = Command<'BeginPhaseClosing', PhaseRef>;
/** trigger 'schedule': a timer, which does nothing before closesAt; 'planner': close now. */
export type ClosePhase = Command<'ClosePhase', PhaseRef & { trigger: 'schedule' | 'planner' }>;
export type ReschedulePhase = Command<'ReschedulePhase', PhaseRef & { phase: ScheduledPhase; reason: string }>;
export type CancelPhase = Command<'CancelPhase', PhaseRef & { reason: string }>;

export type PhaseCommand = SchedulePhase | OpenPhase | BeginPhaseClosing | ClosePhase | ReschedulePhase | CancelPhase;
export type PhaseCommandType = PhaseCommand['type'];
