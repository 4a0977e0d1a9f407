import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamNames, type PlanSchedule } from '@planledger/domain';
import type { EventStorage } from '@planledger/event-store';
import { notificationStreamOf } from '@planledger/notifications';
import { EVENT_STORAGE } from '@planledger/runtime';
import { accepted, notFound, type QueryResult } from '../commands/command-result';
import { byPosition, readHistory } from './history-entry';
import { GetAssignmentHistoryQuery, GetPlanHistoryQuery, type AssignmentHistory, type PlanHistory } from './history.queries';

/** Every phase a plan ever had: a phase dropped by an amendment keeps its history. */
function phaseIdsOf(schedules: PlanSchedule[]): string[] {
  return [...new Set(schedules.flatMap((schedule) => schedule.phases.map((phase) => phase.phaseId)))];
}

/** Reads the event store itself, not a read model: auditors get the record, not a derivative of it. */
@QueryHandler(GetPlanHistoryQuery)
export class GetPlanHistoryHandler implements IQueryHandler<GetPlanHistoryQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ planId }: GetPlanHistoryQuery): Promise<QueryResult<PlanHistory>> {
    const planEvents = await readHistory(this.storage.store, streamNames.plan(planId));
    if (planEvents.length === 0) return notFound('plan', planId);
    const schedules = planEvents.map((e) => (e.data as { schedule?: PlanSchedule }).schedule).filter((s): s is PlanSchedule => s !== undefined);
    const phaseEvents = await Promise.all(phaseIdsOf(schedules).map((phaseId) => readHistory(this.storage.store, streamNames.phase(planId, phaseId))));
    return accepted({ planId, events: [...planEvents, ...phaseEvents.flat()].sort(byPosition) });
  }
}

@QueryHandler(GetAssignmentHistoryQuery)
export class GetAssignmentHistoryHandler implements IQueryHandler<GetAssignmentHistoryQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  /** The assignment's events and, in record order among them, every delivery attempt about it (channel, recipient, outcome). */
  async execute({ planId, assignmentId }: GetAssignmentHistoryQuery): Promise<QueryResult<AssignmentHistory>> {
    const [events, deliveries] = await Promise.all([
      readHistory(this.storage.store, streamNames.assignment(planId, assignmentId)),
      readHistory(this.storage.store, notificationStreamOf(planId, assignmentId)),
    ]);
    if (events.length === 0) return notFound('assignment', `${planId}.${assignmentId}`);
    return accepted({ planId, assignmentId, events: [...events, ...deliveries].sort(byPosition) });
  }
}
