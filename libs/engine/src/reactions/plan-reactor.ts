import {
  aggregatesCommandsRead, orderedPhasesOf, planWorkflow, streamOf,
  type AssignmentState, type PhaseState, type PlanState, type PlanWorkflowInput, type PlanWorkflowState,
} from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import type { CommandExecutor, ExecuteResult } from '../commands/command-executor';
import { toDomainEvent } from '../events/event-mapping';

export interface ReactionReport {
  commands: number;
  rejected: { stream: string; message: string }[];
}

/**
 * Gives the commands the plan workflow decides in answer to a plan's own events (publishing
 * schedules every phase; an amendment cancels, re-dates and (re)schedules what it changed). It
 * decides nothing itself. Runs from a checkpointed store subscription, so it may see an event
 * twice: every command is keyed by the event that caused it. Timers are the timer projection's part.
 */
export class PlanReactor {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(stored: StoredEvent): Promise<ReactionReport> {
    const report: ReactionReport = { commands: 0, rejected: [] };
    if (!isPlanEventType(stored.type) && !isOtherReactedType(stored.type)) return report;
    const event = toDomainEvent(stored);
    if (!isPlanEventType(event.type) && !isOtherReactedType(event.type)) return report;
    const { planId } = event.data as { planId: string };
    // Accepted work may have follow-ons ("after X is accepted", ADR 0015): the workflow issues them.
    // A phase closed opens the undated phases after it; one opened issues their work (ADR 0019).
    const target: PlanWorkflowInput['target'] =
      event.type === 'AssignmentAccepted' ? { aggregate: 'assignment', planId, assignmentId: event.data.assignmentId }
        : event.type === 'PhaseClosed' || event.type === 'PhaseOpened' ? { aggregate: 'phase', planId, phaseId: event.data.phaseId }
          : { aggregate: 'plan', planId };
    const input: PlanWorkflowInput = { target, event };
    const state = planWorkflow.evolve(await this.stateFor(planId, event), input);
    const options = (key: string) => ({ idempotencyKey: `reaction/${stored.eventId}/${key}`, correlationId: stored.metadata.correlationId, causationId: stored.eventId });
    for (const output of planWorkflow.decide(input, state)) {
      if (output.type !== 'GiveCommand') continue;
      // Keys as before the workflow: a phase scheduled on publication by its id, every other command by type and stream.
      const key = event.type === 'PlanPublished' && output.target.aggregate === 'phase' ? output.target.phaseId : `${output.command.type}/${streamOf(output.target)}`;
      report.commands++;
      const outcome: ExecuteResult = await this.executor.execute(output.target, output.command, options(key));
      // already_exists: this reaction ran before a crash; the phase is scheduled.
      if (!outcome.ok && outcome.error.code !== 'already_exists') report.rejected.push({ stream: outcome.stream, message: `${key}: ${outcome.error.message}` });
    }
    return report;
  }

  /** The workflow's view: the states its commands read, loaded through the executor (fresh, not a read model). */
  private async stateFor(planId: string, event: PlanWorkflowInput['event']): Promise<PlanWorkflowState> {
    const consulted = aggregatesCommandsRead(event);
    const assignments = new Map<string, AssignmentState>();
    for (const assignmentId of consulted.assignmentIds) {
      const { state } = await this.executor.load({ aggregate: 'assignment', planId, assignmentId });
      assignments.set(assignmentId, state as AssignmentState);
    }
    const phases = new Map<string, PhaseState>();
    for (const phaseId of consulted.phaseIds) {
      const { state } = await this.executor.load({ aggregate: 'phase', planId, phaseId });
      phases.set(phaseId, state as PhaseState);
    }
    // A plan's own events bring it to the status they record (evolve); its commands read nothing else of it,
    // but for the work hanging on an outside event, which the schedule in force names.
    const plan: PlanWorkflowState['plan'] = { planId, status: 'published' };
    // Follow-ons counted in working days need the schedule's holiday table (ADR 0020): loaded only for those.
    const countsWorkingDays = [...assignments.values()].some((a) => a.obligation?.followOns?.some((f) => f.workingDays));
    if (consulted.planSchedule || countsWorkingDays) {
      const { state } = await this.executor.load({ aggregate: 'plan', planId });
      const { schedule, status, inspections } = state as PlanState;
      if (schedule?.eventObligations) plan.eventObligations = schedule.eventObligations;
      if (schedule?.workingDayTable) plan.workingDayTable = schedule.workingDayTable;
      const orderedPhases = schedule && orderedPhasesOf(schedule);
      if (orderedPhases) plan.orderedPhases = orderedPhases;
      // A phase closed with the plan opens nothing: the plan's own status, read fresh.
      if (status === 'closed') plan.status = 'closed';
      // A finding's rectification is reviewed by the recorded inspection's unit, escalated to the plan's default (ADR 0024).
      if (schedule?.escalationDefault) plan.escalationDefault = schedule.escalationDefault;
      if (inspections) plan.inspections = Object.fromEntries(Object.entries(inspections).map(([id, { inspectingUnitId }]) => [id, { inspectingUnitId }]));
    }
    return { plan, aggregates: { assignment: (id) => assignments.get(id), phase: (id) => phases.get(id) } };
  }
}

/** The plan stream's own events: its lifecycle (Plan…), the outside events, inspections and findings recorded on it. */
const isPlanEventType = (type: string): boolean => type.startsWith('Plan') || type === 'OutsideEventRecorded' || type === 'InspectionRecorded' || type === 'FindingRecorded';
/** Other streams' events the workflow reacts to with commands. */
const isOtherReactedType = (type: string): boolean => type === 'AssignmentAccepted' || type === 'PhaseClosed' || type === 'PhaseOpened';
