import { Command } from '@nestjs/cqrs';
import type { PlanUpload } from '@planledger/engine';
import type { ScheduleChanges } from '@planledger/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/command-result';

export interface ImportedPlan {
  planId: string;
  status: 'draft';
  /** True when an existing draft was revised rather than a new one drafted. */
  revised: boolean;
  title: string;
  startsAt: string;
  endsAt: string;
  phases: number;
  obligations: number;
  departments: number;
}

export interface PlanStatusAnswer {
  planId: string;
  status: 'published' | 'closed';
  at: string;
}

export interface AmendedPlan {
  planId: string;
  amendment: number;
  reason: string;
  changes: ScheduleChanges;
}

export class ImportPlanCommand extends Command<CommandResult<ImportedPlan>> {
  constructor(readonly upload: PlanUpload, readonly context: CommandContext) {
    super();
  }
}

export class PublishPlanCommand extends Command<CommandResult<PlanStatusAnswer>> {
  constructor(readonly planId: string, readonly context: CommandContext, readonly confirmPastDue = false) {
    super();
  }
}

export class AmendPlanCommand extends Command<CommandResult<AmendedPlan>> {
  constructor(readonly planId: string, readonly upload: PlanUpload, readonly reason: string, readonly context: CommandContext) {
    super();
  }
}

export class ClosePlanCommand extends Command<CommandResult<PlanStatusAnswer>> {
  constructor(readonly planId: string, readonly reason: string, readonly context: CommandContext) {
    super();
  }
}

/** What recording an outside event answers: which occurrence it was and when it was recorded. */
export interface OutsideEventAnswer {
  planId: string;
  eventId: string;
  occurrence: number;
  date: string;
  at: string;
}

export interface OutsideEventInput {
  eventId: string;
  date: string;
  units?: string[];
  note?: string;
}

export class RecordOutsideEventCommand extends Command<CommandResult<OutsideEventAnswer>> {
  constructor(readonly planId: string, readonly input: OutsideEventInput, readonly context: CommandContext) {
    super();
  }
}

export interface MeasurementAnswer {
  planId: string;
  targetId: string;
  unitId: string | null;
  period: string;
  status: 'on-track' | 'at-risk' | 'met' | 'missed' | null;
  at: string;
}

export interface MeasurementInput {
  targetId: string;
  unitId?: string | null;
  period: string;
  value: number | boolean | string;
}

export class RecordMeasurementCommand extends Command<CommandResult<MeasurementAnswer>> {
  constructor(readonly planId: string, readonly input: MeasurementInput, readonly context: CommandContext) {
    super();
  }
}
