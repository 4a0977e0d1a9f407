import {
  assignmentDecider, phaseDecider, planDecider, streamOf, systemActor, timersForAssignment, timersForSchedule,
  type Actor, type AggregateRef, type Decider, type AssignmentCommand, type AssignmentState, type DomainError, type Instant,
  type PhaseCommand, type PhaseState, type PlanCommand, type PlanSchedule, type PlanSource, type PlanState, type PlanledgerEvent,
} from '@planledger/domain';
import { Agenda } from './agenda';
import { defaultBehaviour, departmentActions, reviewerAction, type BehaviourOptions } from './behaviour';

export interface SimulationOptions {
  /** Business time at which the plan is drafted and published (default: the plan's start). */
  publishAt?: Instant;
  /** Stop after this instant (default: run until nothing is left to happen). */
  until?: Instant;
  behaviour?: Partial<BehaviourOptions>;
  /** Receives every event in business-time order, with the stream it belongs to. */
  onEvent: (event: PlanledgerEvent, stream: string) => void;
}

export interface SimulationResult {
  events: number;
  eventsByType: Record<string, number>;
  /** Commands the domain refused: a correct plan and behaviour produce none. */
  rejections: { target: AggregateRef; command: string; error: DomainError }[];
  endedAt: Instant;
}

const planner: Actor = { userId: 'planner', role: 'planner' };
const CLOSE_REASON = '计划期满 (plan span ended)';

/**
 * Runs a whole plan in virtual time through the real deciders: no database, no queue. Timers come
 * from the same functions the workers use, so what the preview shows is what the engine will do.
 */
export function simulatePlan(schedule: PlanSchedule, source: PlanSource, options: SimulationOptions): SimulationResult {
  const behaviour = defaultBehaviour(options.behaviour);
  const { planId } = schedule;
  const untilMs = options.until ? Date.parse(options.until) : Number.POSITIVE_INFINITY;
  const agenda = new Agenda();
  const result: SimulationResult = { events: 0, eventsByType: {}, rejections: [], endedAt: options.publishAt ?? schedule.startsAt };

  let plan: PlanState = planDecider.initialState();
  const phases = new Map<string, PhaseState>();
  const assignments = new Map<string, AssignmentState>();

  const record = (event: PlanledgerEvent, target: AggregateRef) => {
    result.events++;
    result.eventsByType[event.type] = (result.eventsByType[event.type] ?? 0) + 1;
    result.endedAt = event.at;
    options.onEvent(event, streamOf(target));
  };
  const refuse = (target: AggregateRef, command: string, error: DomainError) => result.rejections.push({ target, command, error });

  /** decide → evolve → record, for any of the three deciders; returns the state reached. */
  const run = <C extends { type: string }, E extends PlanledgerEvent, S>(
    decider: Decider<C, E, S>, target: AggregateRef, state: S, command: C, afterEach?: (state: S, event: E) => void,
  ): S => {
    const decision = decider.decide(command, state);
    if (!decision.ok) {
      refuse(target, command.type, decision.error);
      return state;
    }
    for (const event of decision.events) {
      state = decider.evolve(state, event);
      record(event, target);
      afterEach?.(state, event);
    }
    return state;
  };

  const runPlan = (command: PlanCommand) => {
    plan = run(planDecider, { aggregate: 'plan', planId }, plan, command);
  };
  const runPhase = (phaseId: string, command: PhaseCommand) => {
    const state = phases.get(phaseId) ?? phaseDecider.initialState();
    phases.set(phaseId, run(phaseDecider, { aggregate: 'phase', planId, phaseId }, state, command));
  };
  const runAssignment = (assignmentId: string, command: AssignmentCommand) => {
    const target: AggregateRef = { aggregate: 'assignment', planId, assignmentId };
    const state = assignments.get(assignmentId) ?? assignmentDecider.initialState();
    assignments.set(assignmentId, run(assignmentDecider, target, state, command, (reached, event) => react(target, reached, event)));
  };

  // Reactions: what the engine's workers and the simulated people do after an event.
  const react = (target: AggregateRef, state: AssignmentState, event: PlanledgerEvent) => {
    switch (event.type) {
      case 'AssignmentIssued':
        timersForAssignment(state).forEach((t) => agenda.addTimer(t));
        departmentActions(state, behaviour).forEach((a) => agenda.addAction(target, a));
        break;
      case 'AssignmentSubmitted':
      case 'AssignmentReviewPassed':
        agenda.addAction(target, reviewerAction(state, event.at, behaviour));
        break;
      case 'AssignmentDeadlineMoved':
      case 'AssignmentReassigned':
        timersForAssignment(state).forEach((t) => agenda.addTimer(t));
        break;
    }
  };

  const publishAt = options.publishAt ?? schedule.startsAt;
  const atPublish = { actor: planner, at: publishAt };
  runPlan({ type: 'DraftPlan', data: { planId, schedule, source }, metadata: atPublish });
  runPlan({ type: 'PublishPlan', data: { planId }, metadata: atPublish });
  for (const phase of schedule.phases) {
    runPhase(phase.phaseId, { type: 'SchedulePhase', data: { planId, phaseId: phase.phaseId, phase }, metadata: { actor: systemActor, at: publishAt } });
  }
  timersForSchedule(schedule).forEach((t) => agenda.addTimer(t));
  agenda.addPlanClose(Date.parse(schedule.endsAt));

  for (let item = agenda.next(untilMs); item; item = agenda.next(untilMs)) {
    if (item.kind === 'close-plan') {
      runPlan({ type: 'ClosePlan', data: { planId, reason: CLOSE_REASON }, metadata: { actor: planner, at: schedule.endsAt } });
      continue;
    }
    if (item.kind === 'timer') {
      const { timer } = item;
      // A timer fires at its own moment, even when that moment is before publication.
      const metadata = { actor: systemActor, at: Date.parse(timer.dueAt) < Date.parse(publishAt) ? publishAt : timer.dueAt };
      if (timer.target.aggregate === 'phase') runPhase(timer.target.phaseId, { ...timer.command, metadata } as PhaseCommand);
      else if (timer.target.aggregate === 'assignment') runAssignment(timer.target.assignmentId, { ...timer.command, metadata } as AssignmentCommand);
      continue;
    }
    const { action, target } = item;
    if (target.aggregate !== 'assignment') continue;
    const actor: Actor = { userId: `${action.actorDepartment}-head`, role: action.role, departmentId: action.actorDepartment };
    runAssignment(target.assignmentId, { ...action.command, metadata: { actor, at: action.at } } as AssignmentCommand);
  }
  return result;
}
