import {
  amendmentEffects, streamOf, systemActor,
  type AssignmentState, type PhaseCommand, type PhaseState,
} from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import type { CommandExecutor, ExecuteResult } from '../commands/command-executor';
import { toDomainEvent } from '../events/event-mapping';

export interface ReactionReport {
  commands: number;
  rejected: { stream: string; message: string }[];
}

/**
 * What the engine does in answer to a plan's own events: publishing schedules every phase; an
 * amendment cancels, re-dates and (re)schedules what it changed. Runs from a checkpointed store
 * subscription, so it may see an event twice: every command is keyed by the event that caused it.
 */
export class PlanReactor {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(stored: StoredEvent): Promise<ReactionReport> {
    const report: ReactionReport = { commands: 0, rejected: [] };
    if (!stored.type.startsWith('Plan')) return report;
    const event = toDomainEvent(stored);
    const run = async (key: string, result: Promise<ExecuteResult>) => {
      report.commands++;
      const outcome = await result;
      // already_exists: this reaction ran before a crash; the phase is scheduled.
      if (!outcome.ok && outcome.error.code !== 'already_exists') report.rejected.push({ stream: outcome.stream, message: `${key}: ${outcome.error.message}` });
    };
    const options = (key: string) => ({ idempotencyKey: `reaction/${stored.eventId}/${key}`, correlationId: stored.metadata.correlationId, causationId: stored.eventId });
    const metadata = { actor: systemActor, at: event.at };
    switch (event.type) {
      case 'PlanPublished': {
        const { planId, schedule } = event.data;
        for (const phase of schedule.phases) {
          const command: PhaseCommand = { type: 'SchedulePhase', data: { planId, phaseId: phase.phaseId, phase }, metadata };
          await run(phase.phaseId, this.executor.execute({ aggregate: 'phase', planId, phaseId: phase.phaseId }, command, options(phase.phaseId)));
        }
        break;
      }
      case 'PlanAmended': {
        const { planId, changes, reason } = event.data;
        const assignmentStatus = new Map<string, AssignmentState['status']>();
        for (const id of [...changes.removedAssignmentIds, ...changes.redated.map((r) => r.assignmentId)]) {
          const { state } = await this.executor.load({ aggregate: 'assignment', planId, assignmentId: id });
          assignmentStatus.set(id, (state as AssignmentState).status);
        }
        const phaseStatus = new Map<string, PhaseState['status']>();
        for (const phaseId of changes.removedPhaseIds) {
          const { state } = await this.executor.load({ aggregate: 'phase', planId, phaseId });
          phaseStatus.set(phaseId, (state as PhaseState).status);
        }
        const effects = amendmentEffects(planId, changes, (id) => assignmentStatus.get(id), metadata, reason, (id) => phaseStatus.get(id));
        for (const effect of effects) {
          const key = `${effect.command.type}/${streamOf(effect.target)}`;
          await run(key, this.executor.execute(effect.target, effect.command, options(key)));
        }
        break;
      }
    }
    return report;
  }
}
