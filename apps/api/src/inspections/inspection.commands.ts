import { Command, Query } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult, QueryResult } from '../commands/command-result';
import type { FindingAnswer, FindingsAnswer, InspectionAnswer, RecordFindingBody, RecordInspectionBody } from './inspection-schemas';

export class RecordInspectionCommand extends Command<CommandResult<InspectionAnswer>> {
  constructor(readonly planId: string, readonly input: RecordInspectionBody, readonly context: CommandContext) {
    super();
  }
}

export class RecordFindingCommand extends Command<CommandResult<FindingAnswer>> {
  constructor(readonly planId: string, readonly inspectionId: string, readonly input: RecordFindingBody, readonly context: CommandContext) {
    super();
  }
}

export class ListFindingsQuery extends Query<QueryResult<FindingsAnswer>> {
  constructor(
    readonly planId: string,
    readonly filter: { unitId?: string },
    readonly asOf: { asOf: string; basis: 'recorded' | 'business' } | undefined,
    readonly viewer: Actor,
  ) {
    super();
  }
}
