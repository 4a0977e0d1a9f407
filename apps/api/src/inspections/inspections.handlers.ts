import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidAsOfError, replayPlanAsOf, resolveAsOf, type AsOf } from '@planledger/audit';
import { findingsAsOf } from '@planledger/bulletins';
import { endOfLocalDay } from '@planledger/calendar';
import { streamNames, type PlanSchedule, type PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE } from '@planledger/runtime';
import { loadPlanEventsOf } from '../audit/plan-events.loader';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, notFound, rejected, type CommandResult, type QueryResult } from '../commands/command-result';
import { ListFindingsQuery, RecordFindingCommand, RecordInspectionCommand } from './inspection.commands';
import type { FindingAnswer, FindingsAnswer, InspectionAnswer } from './inspection-schemas';

/** Roles that see and record every unit's findings; department people act for their own unit. */
const BUREAU_ROLES = new Set(['planner', 'admin', 'auditor']);

/** A planner records that an inspection took place (ADR 0024); findings follow, one by one. */
@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor, @Inject(CLOCK) private readonly clock: Clock) {}

  async execute({ planId, input, context }: RecordInspectionCommand): Promise<CommandResult<InspectionAnswer>> {
    const at = await businessNow(this.clock);
    const { inspectionId, date, inspectingUnitId, unitIds, eventId } = input;
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'RecordInspection', data: { planId, inspectionId, date, ...(inspectingUnitId ? { inspectingUnitId } : {}), ...(unitIds ? { unitIds } : {}), ...(eventId ? { eventId } : {}) }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `inspection-${planId}-${inspectionId}`) },
    );
    if (!result.ok) return result;
    const recorded = result.events[0];
    if (recorded?.type !== 'InspectionRecorded') return rejected({ kind: 'conflict', code: 'already_exists', message: `inspection ${inspectionId} is already recorded` });
    const { scheduled, unitIds: units, inspectingUnitId: by } = recorded.data;
    return accepted({ planId, inspectionId, inspectingUnitId: by, unitIds: units, date, scheduled, at: recorded.at });
  }
}

/**
 * A planner or the inspecting unit records one finding; the plan workflow (in the reactor, as in
 * the simulator) issues its rectification. A deadline given as a date is the end of that day in
 * the plan's zone.
 */
@CommandHandler(RecordFindingCommand)
export class RecordFindingHandler implements ICommandHandler<RecordFindingCommand> {
  constructor(@Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor, @Inject(CLOCK) private readonly clock: Clock) {}

  async execute({ planId, inspectionId, input, context }: RecordFindingCommand): Promise<CommandResult<FindingAnswer>> {
    const at = await businessNow(this.clock);
    const { state } = await this.executor.load({ aggregate: 'plan', planId });
    const plan = state as PlanState;
    if (plan.status === 'none') return notFound('plan', planId);
    const inspection = plan.inspections?.[inspectionId];
    const { actor } = context;
    if (inspection && !BUREAU_ROLES.has(actor.role) && actor.departmentId !== inspection.inspectingUnitId) {
      return rejected({ kind: 'invalid', problems: [{ field: 'inspectionId', message: `findings of ${inspectionId} are recorded by a planner or the inspecting unit ${inspection.inspectingUnitId}, not ${actor.departmentId ?? actor.userId}` }] });
    }
    const { unitId, text, code, repeatOf, rectificationDays, dueDate } = input;
    const dueAt = dueDate ? endOfLocalDay(dueDate, plan.schedule?.timeZone ?? 'Asia/Shanghai') : undefined;
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      {
        type: 'RecordFinding',
        data: { planId, inspectionId, unitId, text, ...(code ? { code } : {}), ...(repeatOf ? { repeatOf } : {}), ...(rectificationDays ? { rectificationDays } : {}), ...(dueAt ? { dueAt } : {}) },
        metadata: { actor, at },
      },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `finding-${planId}-${inspectionId}`) },
    );
    if (!result.ok) return result;
    const recorded = result.events[0];
    if (recorded?.type !== 'FindingRecorded') return rejected({ kind: 'conflict', code: 'already_exists', message: 'the finding was not recorded' });
    const f = recorded.data;
    return accepted({ planId, inspectionId, findingId: f.findingId, unitId: f.unitId, rectificationAssignmentId: f.rectificationAssignmentId, repeatOf: f.repeatOf ?? null, dueAt: f.dueAt, at: recorded.at });
  }
}

/** A plan's findings with the state of their rectification, now or as of an instant (replayed from the store). */
@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler implements IQueryHandler<ListFindingsQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, @Inject(CLOCK) private readonly clock: Clock) {}

  async execute({ planId, filter, asOf: requested, viewer }: ListFindingsQuery): Promise<QueryResult<FindingsAnswer>> {
    const loaded = await loadPlanEventsOf(this.storage, planId);
    if (!loaded) return notFound('plan', planId);
    let asOf: AsOf;
    try {
      // Now: every event recorded (the business clock may run ahead of the store's under the virtual clock).
      asOf = requested ? resolveAsOf(requested.asOf, loaded.timeZone, requested.basis) : { instant: '9999-12-31T23:59:59.999Z', basis: 'recorded', requested: 'now' };
    } catch (error) {
      if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
      throw error;
    }
    const replayed = replayPlanAsOf(planId, loaded.events, asOf);
    if (!replayed) return notFound('plan', planId);
    const planStream = streamNames.plan(planId);
    const schedule = loaded.events.filter((e) => e.stream === planStream).map((e) => (e.data as { schedule?: PlanSchedule }).schedule).filter((s) => s !== undefined).at(-1);
    const names = new Map((schedule?.departments ?? []).map((d) => [d.id, d.name]));
    const judgedMs = requested ? Date.parse(asOf.instant) : (await this.clock.now()).getTime();
    const all = findingsAsOf(planId, loaded.events, asOf, { assignments: replayed.assignments, nameOf: (id) => names.get(id) ?? id, timeZone: loaded.timeZone, judgedMs });
    const ownOnly = !BUREAU_ROLES.has(viewer.role);
    const findings = all.findings.filter((f) => (filter.unitId === undefined || f.unit.id === filter.unitId)
      && (!ownOnly || f.unit.id === viewer.departmentId || f.inspectingUnit.id === viewer.departmentId));
    const units = new Set(findings.map((f) => f.unit.id));
    return accepted({ planId, findings, byUnit: all.byUnit.filter((u) => units.has(u.unitId)), asOf: requested ? asOf : null });
  }
}
