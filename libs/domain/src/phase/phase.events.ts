import type { DomainEventOf } from '../shared/decider';
import type { Instant } from '../shared/time';
import type { ScheduledPhase } from '../schedule/plan-schedule';

type PhaseRef = { planId: string; phaseId: string };

export type PhaseScheduled = DomainEventOf<'PhaseScheduled', PhaseRef & { phase: ScheduledPhase }>;
export type PhaseOpened = DomainEventOf<'PhaseOpened', PhaseRef & { name: string }>;
/** The closing duty begins: summary reports and inspections are due before the phase closes. */
export type PhaseClosingStarted = DomainEventOf<'PhaseClosingStarted', PhaseRef & { name: string; closesAt: Instant }>;
export type PhaseClosed = DomainEventOf<'PhaseClosed', PhaseRef & { name: string; trigger: 'schedule' | 'planner' }>;
export type PhaseRescheduled = DomainEventOf<'PhaseRescheduled', PhaseRef & { from: ScheduledPhase; to: ScheduledPhase; reason: string }>;
export type PhaseCancelled = DomainEventOf<'PhaseCancelled', PhaseRef & { reason: string }>;

export type PhaseEvent = PhaseScheduled | PhaseOpened | PhaseClosingStarted | PhaseClosed | PhaseRescheduled | PhaseCancelled;
