import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@planledger/domain';
import { Acting } from '../actor/request-actor';
import { answerOf } from '../http/command-answer';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { AuditStreamQuery, DepartmentHistoryQuery, VerifyStoreQuery, type Viewer } from './audit.queries';

/** The audit trail names whoever the api's actor resolver says is reading (the token's person). */
const viewerOf = (request: { correlationId: string }, actor: Actor): Viewer => ({ actor, correlationId: request.correlationId });

/** The auditors' routes: the record itself, a department's history, and the hash-chain check. */
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Route('auditStream')
  stream(@Valid('auditStream') request: RequestOf<'auditStream'>, @Acting() actor: Actor) {
    return answerOf(this.queries.execute(new AuditStreamQuery(request.params.stream, viewerOf(request, actor))));
  }

  @Route('departmentHistory')
  departmentHistory(@Valid('departmentHistory') request: RequestOf<'departmentHistory'>, @Acting() actor: Actor) {
    return this.queries.execute(new DepartmentHistoryQuery(request.params.id, viewerOf(request, actor)));
  }

  @Route('auditVerify')
  verify(@Valid('auditVerify') request: RequestOf<'auditVerify'>, @Acting() actor: Actor) {
    return this.queries.execute(new VerifyStoreQuery(viewerOf(request, actor)));
  }
}
