import { accept, nothingToDo, reject, type Decider, type Decision } from '../shared/decider';
import { isBefore, toMillis } from '../shared/time';
import { closingStartOf } from '../schedule/phase-closing';
import type { PhaseCommand } from './phase.commands';
import type { PhaseEvent } from './phase.events';
import { initialPhaseState, type PhaseState } from './phase.state';
import { allowedPhaseCommands, phaseTimerCommands, phaseTransitions } from './phase.transitions';

export function decidePhase(command: PhaseCommand, state: PhaseState): Decision<PhaseEvent> {
  const { at, actor } = command.metadata;
  const { planId, phaseId } = command.data;
  const ref = { planId, phaseId };
  const id = `${planId}.${phaseId}`;
  const emit = (event: Pick<PhaseEvent, 'type' | 'data'>) => accept({ ...event, schemaVersion: 1, at, actor } as PhaseEvent);
  const byTimer = command.type === 'ClosePhase' ? command.data.trigger === 'schedule' : phaseTimerCommands.includes(command.type);

  if (phaseTransitions[state.status][command.type] === undefined) {
    if (byTimer) return nothingToDo();
    return reject({
      code: 'invalid_transition', aggregate: 'phase', id, status: state.status, command: command.type,
      allowed: allowedPhaseCommands(state.status), message: `cannot ${command.type} phase ${phaseId} while it is ${state.status}`,
    });
  }
  const name = state.phase?.name ?? '';

  switch (command.type) {
    case 'SchedulePhase':
      return emit({ type: 'PhaseScheduled', data: { ...ref, phase: command.data.phase } });
    case 'OpenPhase':
      if (isBefore(at, state.phase!.opensAt)) return nothingToDo();
      return emit({ type: 'PhaseOpened', data: { ...ref, name } });
    case 'BeginPhaseClosing':
      if (isBefore(at, closingStartOf(state.phase!))) return nothingToDo();
      return emit({ type: 'PhaseClosingStarted', data: { ...ref, name, closesAt: state.phase!.closesAt } });
    case 'ClosePhase':
      if (command.data.trigger === 'schedule' && isBefore(at, state.phase!.closesAt)) return nothingToDo();
      return emit({ type: 'PhaseClosed', data: { ...ref, name, trigger: command.data.trigger } });
    case 'ReschedulePhase': {
      const to = command.data.phase;
      // Instants compare as instants: '2022-02-01T08:00:00+08:00' is the same opening as '2022-02-01T00:00:00Z'.
      if (state.status !== 'scheduled' && toMillis(to.opensAt) !== toMillis(state.phase!.opensAt)) {
        return reject({ code: 'invalid_command', aggregate: 'phase', id, field: 'opensAt', message: `phase ${phaseId} has already opened; only its closing date can move` });
      }
      if (!isBefore(to.opensAt, to.closesAt)) {
        return reject({ code: 'invalid_command', aggregate: 'phase', id, field: 'closesAt', message: `phase ${phaseId} must close after it opens` });
      }
      return emit({ type: 'PhaseRescheduled', data: { ...ref, from: state.phase!, to, reason: command.data.reason } });
    }
    case 'CancelPhase':
      return emit({ type: 'PhaseCancelled', data: { ...ref, reason: command.data.reason } });
  }
}

export function evolvePhase(state: PhaseState, event: PhaseEvent): PhaseState {
  switch (event.type) {
    case 'PhaseScheduled':
      return { status: 'scheduled', planId: event.data.planId, phase: event.data.phase };
    case 'PhaseOpened':
      return { ...state, status: 'open' };
    case 'PhaseClosingStarted':
      return { ...state, status: 'closing' };
    case 'PhaseClosed':
      return { ...state, status: 'closed' };
    case 'PhaseRescheduled':
      return { ...state, phase: event.data.to };
    case 'PhaseCancelled':
      return { ...state, status: 'cancelled' };
  }
}

export const phaseDecider: Decider<PhaseCommand, PhaseEvent, PhaseState> = {
  initialState: initialPhaseState,
  decide: decidePhase,
  evolve: evolvePhase,
};
