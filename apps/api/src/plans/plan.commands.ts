import { Command } from '@nestjs/cqrs';
import type { PlanUpload } from '@planledger/engine';
import type { PlanError } from '@planledger/plan-definition';
import type { ScheduleChanges, TargetStatus } from '@planledger/domain';
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
  /** What `validate` would warn of: accepted, but probably not meant so. */
  warnings: PlanError[];
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
  /** Targets judged again under the amended terms whose status changed (ADR 0023, amended). */
  targetStatuses: { targetId: string; unitId: string | null; period: string; from: TargetStatus | null; to: TargetStatus; reason: string }[];
  warnings: PlanError[];
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

/** What closing a phase answers: when, and the undated phases that open after it (ADR 0019). */
export interface ClosedPhaseAnswer {
  planId: string;
  phaseId: string;
  status: 'closed';
  at: string;
  opensNext: string[];
}

export class ClosePhaseCommand extends Command<CommandResult<ClosedPhaseAnswer>> {
  constructor(readonly planId: string, readonly phaseId: string, readonly context: CommandContext) {
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
