import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_RECORD_VIEWED, recordAuditAccess, type AuditAccessSubject } from '@planledger/audit';
import type { Actor } from '@planledger/domain';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE } from '@planledger/runtime';

/**
 * Every audit route records what it showed and to whom before it answers: if the record cannot
 * be written, the caller gets a 500, not an unrecorded view.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async viewed(viewer: Actor, subject: AuditAccessSubject, correlationId?: string): Promise<void> {
    await recordAuditAccess(this.storage.store, {
      type: AUDIT_RECORD_VIEWED,
      actor: viewer,
      subject,
      businessTime: await this.clock.now(),
      correlationId: correlationId || undefined,
    });
  }
}
