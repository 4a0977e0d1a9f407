import { accept, reject, type Decider, type Decision } from '../shared/decider';
import { decideInspection, evolveInspection } from '../inspection/inspection.decide';
import { diffSchedules, hasChanges } from '../schedule/schedule-diff';
import type { PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import { initialPlanState, type PlanState } from './plan.state';
import { allowedPlanCommands, planTransitions } from './plan.transitions';

export function decidePlan(command: PlanCommand, state: PlanState): Decision<PlanEvent> {
  const { at, actor } = command.metadata;
  const { planId } = command.data;
  const emit = (event: Pick<PlanEvent, 'type' | 'data'>) => accept({ ...event, schemaVersion: 1, at, actor } as PlanEvent);
  const invalid = (field: string, message: string) => reject<PlanEvent>({ code: 'invalid_command', aggregate: 'plan', id: planId, field, message });

  if (planTransitions[state.status][command.type] === undefined) {
    if (command.type === 'DraftPlan') return reject({ code: 'already_exists', aggregate: 'plan', id: planId, message: `plan ${planId} already exists (${state.status})` });
    if (state.status === 'none') return reject({ code: 'not_found', aggregate: 'plan', id: planId, message: `plan ${planId} does not exist` });
    return reject({
      code: 'invalid_transition', aggregate: 'plan', id: planId, status: state.status, command: command.type,
      allowed: allowedPlanCommands(state.status), message: `cannot ${command.type} plan ${planId} while it is ${state.status}`,
    });
  }

  switch (command.type) {
    case 'DraftPlan':
    case 'ReviseDraft':
      if (command.data.schedule.planId !== planId) return invalid('schedule.planId', `the definition is for plan ${command.data.schedule.planId}, not ${planId}`);
      return emit({ type: command.type === 'DraftPlan' ? 'PlanDrafted' : 'PlanDraftRevised', data: { planId, schedule: command.data.schedule, source: command.data.source } });
    case 'PublishPlan':
      return emit({ type: 'PlanPublished', data: { planId, schedule: state.schedule! } });
    case 'AmendPlan': {
      if (command.data.schedule.planId !== planId) return invalid('schedule.planId', `the amendment is for plan ${command.data.schedule.planId}, not ${planId}`);
      if (!command.data.reason?.trim()) return invalid('reason', 'an amendment needs a reason for the record');
      const changes = diffSchedules(state.schedule!, command.data.schedule);
      if (!hasChanges(changes)) return invalid('schedule', 'the amendment changes nothing');
      return emit({
        type: 'PlanAmended',
        data: { planId, amendment: state.amendments + 1, reason: command.data.reason, schedule: command.data.schedule, changes, source: command.data.source },
      });
    }
    case 'ClosePlan':
      return emit({ type: 'PlanClosed', data: { planId, reason: command.data.reason ?? '' } });
    case 'RecordOutsideEvent': {
      const { eventId, date, dayClosesAt, units = [], note = '' } = command.data;
      const expected = state.schedule?.outsideEvents?.find((e) => e.eventId === eventId);
      if (!expected) return invalid('eventId', `plan ${planId} names no outside event "${eventId}"`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return invalid('date', `"${date}" is not a date (YYYY-MM-DD)`);
      const recorded = state.outsideEvents?.[eventId] ?? 0;
      if (recorded > 0 && !expected.recurring) return invalid('eventId', `"${eventId}" happens once and is already recorded; amend the plan to change its date`);
      if (expected.inspection && units.length === 0) return invalid('units', `an inspection is recorded against the units inspected; name at least one`);
      const known = new Set(state.schedule?.departments.map((d) => d.id));
      const unknown = units.find((unit) => !known.has(unit));
      if (unknown !== undefined) return invalid('units', `plan ${planId} has no unit "${unknown}"`);
      return emit({ type: 'OutsideEventRecorded', data: { planId, eventId, occurrence: recorded + 1, date, dayClosesAt, units, note } });
    }
    case 'RecordInspection':
    case 'RecordFinding':
      return decideInspection(command, state);
  }
}

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { ...initialPlanState(), status: 'draft', planId: event.data.planId, schedule: event.data.schedule };
    case 'PlanDraftRevised':
      return { ...state, schedule: event.data.schedule };
    case 'PlanPublished':
      return { ...state, status: 'published', publishedAt: event.at };
    case 'PlanAmended':
      return { ...state, schedule: event.data.schedule, amendments: event.data.amendment };
    case 'PlanClosed':
      return { ...state, status: 'closed', closedAt: event.at };
    case 'OutsideEventRecorded':
      return { ...state, outsideEvents: { ...state.outsideEvents, [event.data.eventId]: event.data.occurrence } };
    case 'InspectionRecorded':
    case 'FindingRecorded':
      return evolveInspection(state, event);
  }
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  decide: decidePlan,
  evolve: evolvePlan,
};
