import { accept, nothingToDo, reject, type Decider, type Decision } from '../shared/decider';
import { decideInspection, evolveInspection } from '../inspection/inspection.decide';
import { diffSchedules, hasChanges } from '../schedule/schedule-diff';
import type { JudgeTargetPeriods, PlanCommand, RecordMeasurement } from './plan.commands';
import { toMillis } from '../shared/time';
import { amendedTargetProblem, rejudgedTargets, seriesInForce } from '../targets/amended-targets';
import { measurementProblem } from '../targets/measurement-problem';
import { targetSeriesKey } from '../targets/scheduled-target';
import { assessTarget } from '../targets/target-status';
import { unreportedPeriodJudged, unreportedTargetsMissed } from '../targets/unreported-targets';
import type { PlanEvent } from './plan.events';
import { initialPlanState, type PlanState } from './plan.state';
import { allowedPlanCommands, planTransitions } from './plan.transitions';
import { applyRosterEntries, rosterProblems } from './roster';

export function decidePlan(command: PlanCommand, state: PlanState): Decision<PlanEvent> {
  const { at, actor } = command.metadata;
  const { planId } = command.data;
  const emit = (event: Pick<PlanEvent, 'type' | 'data'>) => accept({ ...event, schemaVersion: 1, at, actor } as PlanEvent);
  const invalid = (field: string, message: string) => reject<PlanEvent>({ code: 'invalid_command', aggregate: 'plan', id: planId, field, message });

  // A period-end timer of a plan not running (closed, or the timer outlived it) passes by: not an error.
  if (command.type === 'JudgeTargetPeriods' && state.status !== 'published') return nothingToDo();
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
      const problem = amendedTargetProblem(state, command.data.schedule, changes.targets);
      if (problem) return invalid(problem.field, problem.message);
      const amendment = state.amendments + 1;
      const amended: PlanEvent = {
        type: 'PlanAmended', schemaVersion: 1, at, actor,
        data: { planId, amendment, reason: command.data.reason, schedule: command.data.schedule, changes, source: command.data.source },
      };
      // Targets changed under recorded values are judged again in the same decision (ADR 0023, amended).
      return accept<PlanEvent>(amended, ...rejudgedTargets(evolvePlan(state, amended), command.data.schedule, changes.targets, amendment, at, actor));
    }
    case 'ClosePlan':
      // The close ends every target's final period: what was never reported is missed, in the same decision.
      return accept<PlanEvent>({ type: 'PlanClosed', schemaVersion: 1, at, actor, data: { planId, reason: command.data.reason ?? '' } }, ...unreportedTargetsMissed(state, at, actor));
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
    case 'AssignRoster': {
      const [problem] = rosterProblems(state.schedule!, command.data.entries);
      if (problem) return invalid(problem.field, problem.message);
      const entries = command.data.entries.map(({ roleId, unitId, people }) => ({ roleId, unitId, people: people.map(({ personId, name }) => ({ personId, name })) }));
      return emit({ type: 'RosterAssigned', data: { planId, entries, ...(command.data.source === undefined ? {} : { source: command.data.source }) } });
    }
    case 'RecordMeasurement':
      return decideMeasurement(command, state);
    case 'JudgeTargetPeriods':
      return decidePeriodsEnded(command, state);
    case 'RecordInspection':
    case 'RecordFinding':
      return decideInspection(command, state);
  }
}

/**
 * A value for a target: it must name a target of the schedule in force, a unit the target applies
 * to (or none, plan-wide), a period of the target's kind up to its last milestone, and a value of
 * the target's type. The status it gives is recorded only when it differs from the one before.
 */
function decideMeasurement(command: RecordMeasurement, state: PlanState): Decision<PlanEvent> {
  const { at, actor } = command.metadata;
  const { planId, targetId, unitId, period, value, assignmentId } = command.data;
  const invalid = (field: string, message: string) => reject<PlanEvent>({ code: 'invalid_command', aggregate: 'plan', id: planId, field, message });
  const target = state.schedule?.targets?.find((t) => t.targetId === targetId);
  if (!target) return invalid('targetId', `plan ${planId} has no target "${targetId}"`);
  const problem = measurementProblem(target, unitId, period, value);
  if (problem) return invalid(problem.field, problem.message);

  const key = targetSeriesKey(targetId, unitId);
  const before = state.targets?.[key];
  const measured: PlanEvent = {
    type: 'TargetMeasured', schemaVersion: 1, at, actor,
    data: { planId, targetId, unitId, period, value, ...(assignmentId !== undefined ? { assignmentId } : {}), recordedBy: actor.userId, measuredAt: at },
  };
  const assessment = assessTarget(target, [...(before?.measurements ?? []), { period, value }]);
  if (!assessment || assessment.status === before?.status) return accept<PlanEvent>(measured);
  const changed: PlanEvent = {
    type: 'TargetStatusChanged', schemaVersion: 1, at, actor,
    data: { planId, targetId, unitId, period, status: assessment.status, ...(before?.status ? { previousStatus: before.status } : {}), reason: assessment.reason, at },
  };
  return accept<PlanEvent>(measured, changed);
}

/**
 * Reporting periods ended at this instant (ADR 0026): for each target of the schedule in force, in
 * its order, the period that ends then (its `periodEnds`) is judged: series without a value for it
 * are at risk, or missed at the final period. An instant no period of the schedule ends at (an
 * amendment moved it) decides nothing, as does a schedule compiled before ADR 0026.
 */
function decidePeriodsEnded(command: JudgeTargetPeriods, state: PlanState): Decision<PlanEvent> {
  const { at, actor } = command.metadata;
  const endedMs = toMillis(command.data.periodsEndedAt);
  const events = (state.schedule?.targets ?? []).flatMap((target) =>
    (target.periodEnds ?? []).filter((end) => toMillis(end.judgedAt) === endedMs).flatMap((end) => unreportedPeriodJudged(state, target, end.period, 'period-end', at, actor)));
  return events.length > 0 ? accept<PlanEvent>(...events) : nothingToDo();
}

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { ...initialPlanState(), status: 'draft', planId: event.data.planId, schedule: event.data.schedule };
    case 'PlanDraftRevised':
      return { ...state, schedule: event.data.schedule };
    case 'PlanPublished':
      return { ...state, status: 'published', publishedAt: event.at };
    case 'PlanAmended': {
      // A removed target's series (or a unit's it no longer applies to) leaves state; its events stay in the record.
      const targets = seriesInForce(state.targets, event.data.schedule);
      return { ...state, schedule: event.data.schedule, amendments: event.data.amendment, ...(targets === undefined ? {} : { targets }) };
    }
    case 'PlanClosed':
      return { ...state, status: 'closed', closedAt: event.at };
    case 'OutsideEventRecorded':
      return { ...state, outsideEvents: { ...state.outsideEvents, [event.data.eventId]: event.data.occurrence } };
    case 'RosterAssigned':
      return { ...state, roster: applyRosterEntries(state.roster ?? {}, event.data.entries) };
    case 'TargetMeasured': {
      const key = targetSeriesKey(event.data.targetId, event.data.unitId);
      const series = state.targets?.[key];
      const { period, value, measuredAt: at, assignmentId } = event.data;
      const measurements = [...(series?.measurements ?? []), { period, value, at, ...(assignmentId !== undefined ? { assignmentId } : {}) }];
      return { ...state, targets: { ...state.targets, [key]: { ...series, measurements } } };
    }
    case 'TargetStatusChanged': {
      const key = targetSeriesKey(event.data.targetId, event.data.unitId);
      return { ...state, targets: { ...state.targets, [key]: { measurements: state.targets?.[key]?.measurements ?? [], status: event.data.status, reason: event.data.reason } } };
    }
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
