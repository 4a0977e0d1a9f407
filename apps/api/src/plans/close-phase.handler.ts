import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { allowedPhaseCommands, type PhaseState, type PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, rejected, type CommandResult } from '../commands/command-result';
import { ClosePhaseCommand, type ClosedPhaseAnswer } from './plan.commands';

/** Why a phase that is not open cannot be closed, in the planner's words. */
const notOpenBecause: Record<string, string> = {
  scheduled: 'it has not opened yet',
  closed: 'it is already closed',
  cancelled: 'it was cancelled by an amendment',
};

/**
 * A planner closes an open phase now (ADR 0019): "…完成后进入下一阶段". The api only closes it; the
 * undated phases after it are opened, and their work issued, by the plan workflow in the reactor.
 */
@CommandHandler(ClosePhaseCommand)
export class ClosePhaseHandler implements ICommandHandler<ClosePhaseCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, phaseId, context }: ClosePhaseCommand): Promise<CommandResult<ClosedPhaseAnswer>> {
    const at = await businessNow(this.clock);
    const plan = (await this.executor.load({ aggregate: 'plan', planId })).state as PlanState;
    if (plan.status === 'none') return rejected({ kind: 'not_found', message: `plan ${planId} not found` });
    const phase = plan.schedule?.phases.find((p) => p.phaseId === phaseId);
    if (!phase) return rejected({ kind: 'not_found', message: `plan ${planId} has no phase ${phaseId} (it has: ${(plan.schedule?.phases ?? []).map((p) => p.phaseId).join(', ')})` });
    const state = (await this.executor.load({ aggregate: 'phase', planId, phaseId })).state as PhaseState;
    if (state.status !== 'open' && state.status !== 'closing') {
      const waiting = state.status === 'scheduled' && phase.opensAfter !== undefined ? `it is waiting for phase ${phase.opensAfter} to close` : (notOpenBecause[state.status] ?? `it is ${state.status}`);
      return rejected({ kind: 'refused', message: `phase ${phaseId} is not open: ${waiting}`, status: state.status, command: 'ClosePhase', allowed: allowedPhaseCommands(state.status) });
    }
    const result = await executeCommand(
      this.executor, { aggregate: 'phase', planId, phaseId },
      { type: 'ClosePhase', data: { planId, phaseId, trigger: 'planner' }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `close-phase-${planId}-${phaseId}`) },
    );
    if (!result.ok) return result;
    const opensNext = (plan.schedule?.phases ?? []).filter((p) => p.opensAfter === phaseId).map((p) => p.phaseId);
    return accepted({ planId, phaseId, status: 'closed', at: result.events[0]?.at ?? at, opensNext });
  }
}
