import {
  assignmentTransitions, instantOf, planWorkflow, systemActor, terminalStatuses, timerFiresAtMs, toMillis,
  type Actor, type AggregateRef, type AggregateStates, type DomainError, type Instant, type PlanCommand, type PlanSchedule,
  type PlanSource, type PlanWorkflowOutput, type PlanWorkflowState, type PlanledgerEvent, type RosterEntry, type ScheduledBulletin, type Timer, type TimerScope,
} from '@planledger/domain';
import { Agenda, type ActionGeneration } from './agenda';
import { defaultBehaviour, departmentActions, reviewerAction, type BehaviourOptions, type PlannedAction } from './behaviour';
import { InMemoryEventStore, type SimulatedCommand } from './in-memory-store';
import { RecentMap } from './recent-map';
import { TimerTable } from './timer-table';

/** A new version of the plan the planner puts in force at `at` (`simulate --amend file@date`). */
export interface SimulatedAmendment {
  at: Instant;
  schedule: PlanSchedule;
  reason: string;
  source?: PlanSource;
}

/** A command a person gave (planner, department, reviewer): what a replay against the service sends. */
export interface PersonAction {
  at: Instant;
  target: AggregateRef;
  actor: Actor;
  command: SimulatedCommand;
  /** A reporting assignment's submission: the value it carries (the api's submit body `value`; ADR 0023). */
  value?: number | boolean | string;
}

/** A planner records an outside event's date at `at` (`simulate --event visit=2024-05-20`). */
export interface SimulatedOutsideEvent {
  at: Instant;
  eventId: string;
  /** The event's local date, and the end of that day in the plan's zone. */
  date: string;
  dayClosesAt: Instant;
  units?: string[];
}

/** A planner closes a phase at `at` (`simulate --close-phase check=2024-03-10`): the undated phase after it opens (ADR 0019). */
export interface SimulatedPhaseClose {
  at: Instant;
  phaseId: string;
}

/**
 * A target's value fed to the run (`simulate --measure t1@school-a=2023:98`). When the plan has a
 * reporting assignment for it, the department records it as it submits that assignment; else a
 * planner records it at `at` (the end of the period, at the latest the plan's end).
 */
export interface SimulatedMeasurement {
  targetId: string;
  unitId: string | null;
  period: string;
  value: number | boolean | string;
  at: Instant;
}

/** A planner records that an inspection took place (`simulate --inspection spring=2024-03-12`), ADR 0024. */
export interface SimulatedInspection {
  at: Instant;
  inspectionId: string;
  date: string;
  /** For an unannounced inspection (the plan does not name it): who inspected whom. */
  inspectingUnitId?: string;
  unitIds?: string[];
}

/** A planner records a finding of a recorded inspection (`simulate --finding spring/school-a=…`); its rectification follows. */
export interface SimulatedFinding {
  at: Instant;
  inspectionId: string;
  unitId: string;
  text: string;
  code?: string;
  rectificationDays?: number;
}

export interface SimulationOptions {
  /** Business time at which the plan is drafted and published (default: the schedule's publishesAt, its issue date). */
  publishAt?: Instant;
  /** Stop after this instant (default: run until nothing is left to happen). */
  until?: Instant;
  behaviour?: Partial<BehaviourOptions>;
  /** Amendments, each in force from its instant, in any order. */
  amendments?: SimulatedAmendment[];
  /** Outside events a planner records, each at its instant, in any order. */
  outsideEvents?: SimulatedOutsideEvent[];
  /** Phases a planner closes, each at its instant; without one an undated phase never opens. */
  phaseCloses?: SimulatedPhaseClose[];
  /** A roster the planner records right after publishing: who holds each role@unit (ADR 0022). */
  roster?: { entries: RosterEntry[]; source?: string };
  /** Target values, each recorded with its reporting assignment's submission or at its own instant. */
  measurements?: SimulatedMeasurement[];
  /** Inspections and findings a planner records, each at its instant (an inspection before its findings at the same instant). */
  inspections?: SimulatedInspection[];
  findings?: SimulatedFinding[];
  /** Receives every event in business-time order, with the stream it belongs to. */
  onEvent: (event: PlanledgerEvent, stream: string) => void;
  /** Keep every stream's events in the store (default true; the CLI and benchmarks need only `onEvent`). */
  retainEvents?: boolean;
  /** Hears every command a person gives (the plan's own and the departments'), before it is decided. */
  onAction?: (action: PersonAction) => void;
  /**
   * Hears each bulletin (通报) the plan's timetable issues by itself, at its instant: the service
   * issues one as of that instant (BulletinIssued, on the plan's bulletin stream, not a plan event).
   */
  onBulletinDue?: (slot: ScheduledBulletin) => void;
}

export interface SimulationResult {
  events: number;
  eventsByType: Record<string, number>;
  /** Commands the domain refused: a correct plan and behaviour produce none. */
  rejections: { target: AggregateRef; command: string; error: DomainError }[];
  endedAt: Instant;
  /** The streams the run wrote, each with its events in order. */
  store: InMemoryEventStore;
  /** What went through the agenda: items added and instants they fell on (a benchmark's ceiling replays as much). */
  agenda: { items: number; instants: number };
}

const planner: Actor = { userId: 'planner', role: 'planner' };
export const PLAN_CLOSE_REASON = '计划期满 (plan span ended)';

type PlannerStep =
  | { type: 'amend'; amendment: SimulatedAmendment }
  | { type: 'close'; at: Instant }
  | { type: 'event'; event: SimulatedOutsideEvent }
  | { type: 'close-phase'; close: SimulatedPhaseClose }
  | { type: 'measure'; measurement: SimulatedMeasurement }
  | { type: 'inspection'; inspection: SimulatedInspection }
  | { type: 'finding'; finding: SimulatedFinding }
  | { type: 'bulletin'; slot: ScheduledBulletin };

const stepAt = (step: PlannerStep): Instant => {
  switch (step.type) {
    case 'amend':
      return step.amendment.at;
    case 'close':
      return step.at;
    case 'event':
      return step.event.at;
    case 'inspection':
      return step.inspection.at;
    case 'finding':
      return step.finding.at;
    case 'close-phase':
      return step.close.at;
    case 'measure':
      return step.measurement.at;
    case 'bulletin':
      return step.slot.dueAt;
  }
};

const measurementKey = (targetId: string, unitId: string | null, period: string): string => `${targetId}@${unitId ?? '*'}@${period}`;

/**
 * Runs a whole plan in virtual time as the service would: the real deciders behind an in-memory
 * event store, the one plan workflow deciding what follows from every event (commands at once,
 * timers set and withdrawn), and simulated people acting through the same commands as the API.
 */
export function simulatePlan(schedule: PlanSchedule, source: PlanSource, options: SimulationOptions): SimulationResult {
  const behaviour = defaultBehaviour(options.behaviour);
  const { planId } = schedule;
  const untilMs = options.until ? toMillis(options.until) : Number.POSITIVE_INFINITY;
  const store = new InMemoryEventStore(planId, options.retainEvents ?? true);
  const agenda = new Agenda();
  const publishAt = options.publishAt ?? schedule.publishesAt ?? schedule.startsAt;
  const result: SimulationResult = { events: 0, eventsByType: {}, rejections: [], endedAt: publishAt, store, agenda: agenda.traffic };
  const aggregates: AggregateStates = { assignment: (id) => store.assignment(id), phase: (id) => store.phase(id) };
  let workflow: PlanWorkflowState = { ...planWorkflow.initialState(), aggregates };

  const timers = new TimerTable();
  /** Per assignment: bumped when its department plans again, so actions of an older plan are dropped. */
  const actionGenerations = new RecentMap<ActionGeneration>();
  const generationOf = (assignmentId: string): ActionGeneration => {
    let generation = actionGenerations.get(assignmentId);
    if (!generation) {
      generation = { current: undefined };
      actionGenerations.set(assignmentId, generation);
    }
    return generation;
  };
  const setTimers = (scope: TimerScope, set: Timer[], notBefore: Instant | undefined) => {
    const notBeforeMs = notBefore === undefined ? undefined : toMillis(notBefore);
    timers.set(scope, set, notBefore, (entry, timer) => agenda.addTimer(entry, timer, timerFiresAtMs(entry.dueMs, notBeforeMs)));
  };

  /** Hears every event the store appends (one function for the run, not one per command). */
  const appended = (event: PlanledgerEvent, stream: string, target: AggregateRef): void => {
    result.events++;
    result.eventsByType[event.type] = (result.eventsByType[event.type] ?? 0) + 1;
    result.endedAt = event.at;
    options.onEvent(event, stream);
    react(target, event);
  };
  const execute = (target: AggregateRef, command: SimulatedCommand): void => {
    const outcome = store.execute(target, command, appended);
    if (!outcome.ok) result.rejections.push({ target, command: command.type, error: outcome.error });
  };

  /** The engine's part (the workflow), then the people's (who act on what reached them). */
  const react = (target: AggregateRef, event: PlanledgerEvent) => {
    const input = { target, event };
    workflow = planWorkflow.evolve(workflow, input);
    const outputs: PlanWorkflowOutput[] = planWorkflow.decide(input, workflow);
    // As in the service: the timers projection applies an event before the reactor's commands run.
    for (const output of outputs) if (output.type === 'SetTimers') setTimers(output.scope, output.timers, output.notBefore);
    for (const output of outputs) if (output.type === 'GiveCommand') execute(output.target, output.command);
    if (target.aggregate === 'assignment') peopleReact(target, event);
  };

  const peopleReact = (target: AggregateRef & { aggregate: 'assignment' }, event: PlanledgerEvent) => {
    const state = store.assignment(target.assignmentId)!;
    switch (event.type) {
      case 'AssignmentIssued':
        plan(target, departmentActions(state, behaviour));
        break;
      case 'AssignmentDeadlineMoved':
        if (state.status !== 'submitted' && !terminalStatuses.includes(state.status)) plan(target, departmentActions(state, behaviour, toMillis(event.at)));
        break;
      case 'AssignmentSubmitted':
      case 'AssignmentReviewPassed': {
        // A submitted report carries its value (recorded first, as the api does); then it goes to its reviewer like any other work.
        if (event.type === 'AssignmentSubmitted') recordReportedValue(state.obligation?.reports, target.assignmentId, event);
        const generation = generationOf(target.assignmentId);
        agenda.addAction(target, reviewerAction(state, toMillis(event.at), behaviour), generation, generation.current ?? 0);
        break;
      }
    }
  };
  const plan = (target: AggregateRef & { aggregate: 'assignment' }, actions: PlannedAction[]) => {
    const generation = generationOf(target.assignmentId);
    generation.current = (generation.current ?? -1) + 1;
    for (const action of actions) agenda.addAction(target, action, generation, generation.current);
  };

  const act = (target: AggregateRef, actor: Actor, command: SimulatedCommand) => {
    const value = command.type === 'SubmitAssignment' && target.aggregate === 'assignment' ? reportedValueOf(target.assignmentId)?.value : undefined;
    options.onAction?.({ at: command.metadata.at, target, actor, command, ...(value !== undefined ? { value } : {}) });
    execute(target, command);
  };
  const planRef: AggregateRef = { aggregate: 'plan', planId };
  /** The head of each department, in each role it acts in: one Actor each, not one per action. */
  const actors: Record<PlannedAction['role'], Map<string, Actor>> = { department_head: new Map(), planner: new Map() };
  const actorOf = (action: PlannedAction): Actor => {
    const ofRole = actors[action.role];
    let actor = ofRole.get(action.actorDepartment);
    if (!actor) {
      actor = { userId: `${action.actorDepartment}-head`, role: action.role, departmentId: action.actorDepartment };
      ofRole.set(action.actorDepartment, actor);
    }
    return actor;
  };
  const runPlan = (command: PlanCommand) => act(planRef, planner, command);

  /** Values carried by reporting assignments: recorded by the submitting department, once, at the submission. */
  const reported = new Map<string, SimulatedMeasurement>();
  const reportedValueOf = (assignmentId: string): SimulatedMeasurement | undefined => {
    const reports = store.assignment(assignmentId)?.obligation?.reports;
    return reports ? reported.get(measurementKey(reports.targetId, reports.unitId, reports.period)) : undefined;
  };
  const recordReportedValue = (reports: { targetId: string; unitId: string | null; period: string } | undefined, assignmentId: string, event: PlanledgerEvent) => {
    if (!reports) return;
    const key = measurementKey(reports.targetId, reports.unitId, reports.period);
    const measurement = reported.get(key);
    if (!measurement) return;
    reported.delete(key);
    const { targetId, unitId, period, value } = measurement;
    // Not a person's separate action: the submission carried the value, as the api's submit does.
    execute(planRef, { type: 'RecordMeasurement', data: { planId, targetId, unitId, period, value, assignmentId }, metadata: { actor: event.actor, at: event.at } });
  };
  runPlan({ type: 'DraftPlan', data: { planId, schedule, source }, metadata: { actor: planner, at: publishAt } });
  runPlan({ type: 'PublishPlan', data: { planId }, metadata: { actor: planner, at: publishAt } });
  if (options.roster) runPlan({ type: 'AssignRoster', data: { planId, ...options.roster }, metadata: { actor: planner, at: publishAt } });
  const steps: PlannerStep[] = (options.amendments ?? []).map((amendment) => ({ type: 'amend', amendment }));
  for (const event of options.outsideEvents ?? []) steps.push({ type: 'event', event });
  for (const close of options.phaseCloses ?? []) steps.push({ type: 'close-phase', close });
  const reportable = new Set(schedule.obligations.flatMap((o) => (o.reports ? [measurementKey(o.reports.targetId, o.reports.unitId, o.reports.period)] : [])));
  for (const measurement of options.measurements ?? []) {
    const key = measurementKey(measurement.targetId, measurement.unitId, measurement.period);
    if (reportable.has(key)) reported.set(key, measurement);
    else steps.push({ type: 'measure', measurement });
  }
  for (const inspection of options.inspections ?? []) steps.push({ type: 'inspection', inspection });
  for (const finding of options.findings ?? []) steps.push({ type: 'finding', finding });
  steps.forEach((step, index) => step.type !== 'close' && agenda.addPlannerStep(toMillis(stepAt(step)), index));
  const scheduleClose = (endsAt: Instant) => {
    steps.push({ type: 'close', at: endsAt });
    agenda.addPlannerStep(toMillis(endsAt), steps.length - 1);
  };
  // Before the plan's closing: the last phase's bulletin falls on the plan's last instant and comes first.
  for (const slot of schedule.bulletins?.slots ?? []) {
    steps.push({ type: 'bulletin', slot });
    agenda.addPlannerStep(toMillis(slot.dueAt), steps.length - 1);
  }
  scheduleClose(schedule.endsAt);

  /** The virtual clock: it only moves forward. A timer takes effect at its own time even when set late; people act now. */
  let clockMs = toMillis(publishAt);
  const notBeforeClock = (at: Instant): Instant => (toMillis(at) >= clockMs ? at : instantOf(clockMs));
  for (let item = agenda.next(untilMs); item; item = agenda.next(untilMs)) {
    if (item.atMs > clockMs) clockMs = item.atMs;
    if (item.kind === 'timer') {
      const entry = item;
      const { timer } = entry;
      if (!timer) continue; // withdrawn
      timers.fire(entry, timer);
      // The domain's firing instant (timerFiresAtMs) decided atMs; the instant keeps the text it was given.
      const at = item.atMs === entry.dueMs || entry.notBefore === undefined ? timer.dueAt : entry.notBefore;
      execute(timer.target, { type: timer.command.type, data: timer.command.data, metadata: { actor: systemActor, at } } as SimulatedCommand);
      continue;
    }
    if (item.kind === 'planner') {
      const step = steps[item.index];
      const current = store.plan();
      if (step.type === 'bulletin') {
        if (current.status === 'published') options.onBulletinDue?.(step.slot);
      } else if (step.type === 'close') {
        // An amendment that moved the plan's end planned another closing; this one lapses.
        if (current.status !== 'published' || toMillis(current.schedule!.endsAt) !== item.atMs) continue;
        runPlan({ type: 'ClosePlan', data: { planId, reason: PLAN_CLOSE_REASON }, metadata: { actor: planner, at: notBeforeClock(step.at) } });
      } else if (step.type === 'close-phase') {
        const { phaseId, at } = step.close;
        act({ aggregate: 'phase', planId, phaseId }, planner, { type: 'ClosePhase', data: { planId, phaseId, trigger: 'planner' }, metadata: { actor: planner, at: notBeforeClock(at) } });
      } else if (step.type === 'measure') {
        const { targetId, unitId, period, value, at } = step.measurement;
        runPlan({ type: 'RecordMeasurement', data: { planId, targetId, unitId, period, value }, metadata: { actor: planner, at: notBeforeClock(at) } });
      } else if (step.type === 'inspection') {
        const { at, ...data } = step.inspection;
        runPlan({ type: 'RecordInspection', data: { planId, ...data }, metadata: { actor: planner, at: notBeforeClock(at) } });
      } else if (step.type === 'finding') {
        const { at, ...data } = step.finding;
        runPlan({ type: 'RecordFinding', data: { planId, ...data }, metadata: { actor: planner, at: notBeforeClock(at) } });
      } else if (step.type === 'event') {
        const { eventId, date, dayClosesAt, units } = step.event;
        runPlan({ type: 'RecordOutsideEvent', data: { planId, eventId, date, dayClosesAt, ...(units ? { units } : {}) }, metadata: { actor: planner, at: notBeforeClock(step.event.at) } });
      } else {
        const { amendment } = step;
        const endsBefore = current.schedule?.endsAt;
        runPlan({ type: 'AmendPlan', data: { planId, schedule: amendment.schedule, reason: amendment.reason, source: amendment.source }, metadata: { actor: planner, at: notBeforeClock(amendment.at) } });
        const endsAfter = store.plan().schedule?.endsAt;
        if (endsAfter && endsBefore && toMillis(endsAfter) !== toMillis(endsBefore)) scheduleClose(endsAfter);
      }
      continue;
    }
    const { action, target } = item;
    if (target.aggregate !== 'assignment' || item.generation !== (item.of.current ?? 0)) continue;
    const state = store.assignment(target.assignmentId);
    // Work cancelled, waived or taken elsewhere meanwhile is no longer in this person's inbox.
    if (!state || assignmentTransitions[state.status][action.command.type] === undefined) continue;
    const actor = actorOf(action);
    act(target, actor, { ...action.command, metadata: { actor, at: instantOf(clockMs) } } as SimulatedCommand);
  }
  result.agenda = agenda.traffic;
  return result;
}
