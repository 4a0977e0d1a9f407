import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type Actor, type EventStore } from '@planledger/event-store';

/**
 * Reading the record is itself recorded. These are not plan events: the projections and the
 * PlanReactor skip types that are not PlanledgerEvent types, so they never touch a read model.
 */
export const AUDIT_RECORD_VIEWED = 'AuditRecordViewed';
export const AUDIT_EXPORTED = 'AuditExported';
export type AuditAccessType = typeof AUDIT_RECORD_VIEWED | typeof AUDIT_EXPORTED;

/** What was looked at; only the fields that apply. */
export interface AuditAccessSubject {
  route?: string;
  stream?: string;
  planId?: string;
  departmentId?: string;
  asOf?: string;
  asOfBasis?: string;
  format?: string;
  files?: string[];
  rows?: { assignments: number; events: number };
  /** Verification: its outcome belongs in the record too. */
  headsDigest?: string;
  brokenLinks?: number;
  /** Verification: references to uploaded files that are missing or damaged. */
  damagedFiles?: number;
  /** The event log and the sign-in records: which filters the page was read with, and how many rows it showed. */
  filters?: Record<string, string>;
  shown?: number;
}

export interface AuditAccess {
  type: AuditAccessType;
  actor: Actor;
  subject: AuditAccessSubject;
  /** Business time (the service's clock, virtual or not). */
  businessTime: Date;
  /** Real time: picks the month stream, so one stream never grows without bound. */
  recordedAt?: Date;
  correlationId?: string;
}

/** `audit-2026-05`: one stream per month of real time. */
export const auditStreamOf = (at: Date): string => `audit-${at.toISOString().slice(0, 7)}`;

/** Appends one access record; retried on a concurrent writer of the same month's stream. */
export async function recordAuditAccess(store: EventStore, access: AuditAccess): Promise<{ stream: string }> {
  const stream = auditStreamOf(access.recordedAt ?? new Date());
  const event = {
    eventId: randomUUID(),
    type: access.type,
    schemaVersion: 1,
    data: access.subject,
    metadata: { actor: access.actor, businessTime: access.businessTime.toISOString(), ...(access.correlationId && { correlationId: access.correlationId }) },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await store.append(stream, [event], 'any');
      return { stream };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
    }
  }
}
