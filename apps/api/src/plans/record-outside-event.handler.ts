import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { endOfLocalDay } from '@planledger/calendar';
import type { PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, type CommandResult } from '../commands/command-result';
import { RecordOutsideEventCommand, type OutsideEventAnswer } from './plan.commands';

/**
 * A planner records when an outside event happened (ADR 0015). The api only records it; the work
 * hanging on it is issued by the plan workflow in the reactor, as the simulator does.
 */
@CommandHandler(RecordOutsideEventCommand)
export class RecordOutsideEventHandler implements ICommandHandler<RecordOutsideEventCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, input, context }: RecordOutsideEventCommand): Promise<CommandResult<OutsideEventAnswer>> {
    const at = await businessNow(this.clock);
    const { state } = await this.executor.load({ aggregate: 'plan', planId });
    const zone = (state as PlanState).schedule?.timeZone ?? 'Asia/Shanghai';
    let dayClosesAt: string;
    try {
      dayClosesAt = endOfLocalDay(input.date, zone);
    } catch {
      return { ok: false, rejection: { kind: 'invalid', problems: [{ field: 'date', message: `"${input.date}" is not a calendar date (YYYY-MM-DD)` }] } };
    }
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'RecordOutsideEvent', data: { planId, eventId: input.eventId, date: input.date, dayClosesAt, units: input.units ?? [], note: input.note ?? '' }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `event-${planId}-${input.eventId}-${input.date}`) },
    );
    if (!result.ok) return result;
    const recorded = result.events[0];
    const occurrence = recorded?.type === 'OutsideEventRecorded' ? recorded.data.occurrence : 0;
    return accepted({ planId, eventId: input.eventId, occurrence, date: input.date, at: recorded?.at ?? at });
  }
}
