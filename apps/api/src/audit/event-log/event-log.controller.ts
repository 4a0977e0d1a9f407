import { Controller } from '@nestjs/common';
import type { Actor } from '@planledger/domain';
import { Acting } from '../../actor/request-actor';
import { Route, Valid, type RequestOf } from '../../routes/route.decorators';
import { EventLogReader } from './event-log.reader';

/** GET /audit/events: the auditors' event log. */
@Controller()
export class EventLogController {
  constructor(private readonly reader: EventLogReader) {}

  @Route('auditEvents')
  events(@Valid('auditEvents') request: RequestOf<'auditEvents'>, @Acting() actor: Actor) {
    return this.reader.page(request.query, { actor, correlationId: request.correlationId });
  }
}
