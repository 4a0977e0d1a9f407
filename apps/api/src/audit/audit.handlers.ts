import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { loadDepartmentHistory, readStreams, summariseVerify, toAuditEntry, verifyReferencedFiles, type VerifySummary } from '@planledger/audit';
import { AssignmentFiles } from '../files/assignment-files';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { accepted, rejected, type QueryResult } from '../commands/command-result';
import { AuditTrail } from './audit-trail.service';
import { AuditStreamQuery, DepartmentHistoryQuery, VerifyStoreQuery, type AuditStream, type DepartmentHistory } from './audit.queries';

/* Every handler reads the event store itself (never a read model) and records the view. */

@QueryHandler(AuditStreamQuery)
export class AuditStreamHandler implements IQueryHandler<AuditStreamQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  async execute({ stream, viewer }: AuditStreamQuery): Promise<QueryResult<AuditStream>> {
    const [events] = await readStreams(this.storage.store, [stream]);
    if (events.length === 0) return rejected({ kind: 'not_found', message: `stream ${stream} holds no events` });
    await this.trail.viewed(viewer.actor, { route: 'GET /audit/streams/{stream}', stream }, viewer.correlationId);
    return accepted({ stream, events: events.map(toAuditEntry) });
  }
}

@QueryHandler(DepartmentHistoryQuery)
export class DepartmentHistoryHandler implements IQueryHandler<DepartmentHistoryQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail) {}

  async execute({ departmentId, viewer }: DepartmentHistoryQuery): Promise<DepartmentHistory> {
    // An unknown department simply has no history: departments live in plan definitions, not in a registry.
    const events = await loadDepartmentHistory(this.storage, departmentId);
    await this.trail.viewed(viewer.actor, { route: 'GET /departments/{id}/history', departmentId }, viewer.correlationId);
    return { departmentId, events };
  }
}

@QueryHandler(VerifyStoreQuery)
export class VerifyStoreHandler implements IQueryHandler<VerifyStoreQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, private readonly trail: AuditTrail, private readonly files: AssignmentFiles) {}

  async execute({ viewer }: VerifyStoreQuery): Promise<VerifySummary> {
    const summary = summariseVerify(await this.storage.store.verify(), await verifyReferencedFiles(this.storage.store, this.files.dir));
    await this.trail.viewed(
      viewer.actor,
      { route: 'POST /audit/verify', headsDigest: summary.headsDigest, brokenLinks: summary.brokenLinks.length, damagedFiles: summary.damagedFiles.length },
      viewer.correlationId,
    );
    return summary;
  }
}
