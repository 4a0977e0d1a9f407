import type { QueryResult } from '../commands/command-result';
import { Query } from '@nestjs/cqrs';
import type { AuditEntry, DepartmentHistoryEntry, VerifySummary } from '@planledger/audit';
import type { Actor } from '@planledger/domain';

/** Who asked, so that the handler can record the view. */
export interface Viewer {
  actor: Actor;
  correlationId: string;
}

export interface AuditStream {
  stream: string;
  events: AuditEntry[];
}

export class AuditStreamQuery extends Query<QueryResult<AuditStream>> {
  constructor(readonly stream: string, readonly viewer: Viewer) {
    super();
  }
}

export interface DepartmentHistory {
  departmentId: string;
  /** Newest last by business time. */
  events: DepartmentHistoryEntry[];
}

export class DepartmentHistoryQuery extends Query<DepartmentHistory> {
  constructor(readonly departmentId: string, readonly viewer: Viewer) {
    super();
  }
}

export class VerifyStoreQuery extends Query<VerifySummary> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
