import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanledgerEvent } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey, type CommandContext } from '../commands/command-context';
import { accepted, type CommandResult } from '../commands/command-result';
import { RecordMeasurementCommand, type MeasurementAnswer, type MeasurementInput } from './plan.commands';

/** The status a measurement left its target in: from the status change it caused, else the one before. */
export function measurementAnswerOf(planId: string, input: MeasurementInput, events: readonly PlanledgerEvent[], statusBefore: MeasurementAnswer['status'], at: string): MeasurementAnswer {
  const changed = events.find((e) => e.type === 'TargetStatusChanged');
  const measured = events.find((e) => e.type === 'TargetMeasured');
  return {
    planId, targetId: input.targetId, unitId: input.unitId ?? null, period: input.period,
    status: changed?.type === 'TargetStatusChanged' ? changed.data.status : statusBefore,
    at: measured?.at ?? at,
  };
}

/** Gives RecordMeasurement to the plan: the value and, when it moves, the status (ADR 0023). */
export async function recordMeasurement(
  executor: CommandExecutor, planId: string, input: MeasurementInput, context: CommandContext, at: string, assignmentId?: string,
): Promise<CommandResult<MeasurementAnswer>> {
  const { targetId, period, value } = input;
  const unitId = input.unitId ?? null;
  const result = await executeCommand(
    executor, { aggregate: 'plan', planId },
    { type: 'RecordMeasurement', data: { planId, targetId, unitId, period, value, ...(assignmentId ? { assignmentId } : {}) }, metadata: { actor: context.actor, at } },
    { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `measure-${planId}-${targetId}-${unitId ?? 'plan'}-${period}${assignmentId ? `-${assignmentId}` : ''}`) },
  );
  if (!result.ok) return result;
  return accepted(measurementAnswerOf(planId, input, result.events, null, at));
}

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, input, context }: RecordMeasurementCommand): Promise<CommandResult<MeasurementAnswer>> {
    return recordMeasurement(this.executor, planId, input, context, await businessNow(this.clock));
  }
}
