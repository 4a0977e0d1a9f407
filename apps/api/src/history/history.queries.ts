import { Query } from '@nestjs/cqrs';
import type { QueryResult } from '../commands/command-result';
import type { HistoryEntry } from './history-entry';

export interface PlanHistory {
  planId: string;
  events: HistoryEntry[];
}

export interface AssignmentHistory {
  planId: string;
  assignmentId: string;
  events: HistoryEntry[];
}

/** The plan's stream and its phases' streams, merged in the order they were recorded. */
export class GetPlanHistoryQuery extends Query<QueryResult<PlanHistory>> {
  constructor(readonly planId: string) {
    super();
  }
}

export class GetAssignmentHistoryQuery extends Query<QueryResult<AssignmentHistory>> {
  constructor(readonly planId: string, readonly assignmentId: string) {
    super();
  }
}
