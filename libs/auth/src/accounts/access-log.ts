import { randomUUID } from 'node:crypto';
import { DIRECTORY_STREAM } from '@planledger/domain';
import { compareGlobalPositions, type EventStore, type GlobalPosition, type StoredEvent } from '@planledger/event-store';

/**
 * Sign-ins, sign-outs, failed sign-ins and lockouts: facts of the audit trail (stable type names,
 * schemaVersion 1), with business time, person and client address. One stream per month
 * (`access-2026-12`, by the service clock in UTC) so that no stream grows without end and a
 * period is read without scanning the rest. Invitations and password changes are directory facts.
 */
export const ACCESS_EVENT_TYPES = ['SignedIn', 'SignedOut', 'SignInFailed', 'AccountLocked'] as const;
/**
 * Who read which handed-in document or issued bulletin (等保 asks for access to records, not only
 * sign-ins). In the same monthly streams, so the hash chain covers it; listed apart from sign-ins.
 */
export const FILE_ACCESS_EVENT_TYPES = ['FileDownloaded', 'BulletinDownloaded'] as const;
export type AccessEventType = (typeof ACCESS_EVENT_TYPES)[number];
/** The directory's facts an auditor lists beside them. */
export const ACCOUNT_DIRECTORY_TYPES = ['InvitationIssued', 'InvitationUsed', 'PasswordChanged'] as const;

export type SignInFailure = 'wrong_password' | 'unknown_login' | 'no_password' | 'revoked' | 'locked';

export type AccessFact =
  | { type: 'SignedIn'; data: { personId: string; clientAddress: string; method: 'password' | 'invitation'; session: string } }
  | { type: 'SignedOut'; data: { personId: string; clientAddress: string; session: string } }
  | { type: 'SignInFailed'; data: { personId: string; clientAddress: string; reason: SignInFailure } }
  | { type: 'AccountLocked'; data: { personId: string; clientAddress: string; lockedUntil: string } }
  | { type: 'FileDownloaded'; data: { personId: string; clientAddress: string; planId: string; assignmentId: string; sha256: string; name: string; outcome: 'served' | 'damaged' } }
  /** An issued bulletin's .docx or .xlsx (ADR 0017): the same fact, naming the bulletin instead of an assignment. */
  | { type: 'BulletinDownloaded'; data: { personId: string; clientAddress: string; planId: string; number: string; sha256: string; name: string; outcome: 'served' | 'damaged' } };

export interface AccessEntry {
  type: AccessEventType | (typeof ACCOUNT_DIRECTORY_TYPES)[number] | (typeof FILE_ACCESS_EVENT_TYPES)[number];
  at: string;
  personId: string;
  clientAddress?: string;
  /** Who recorded it: the person themselves, or the admin who issued an invitation. */
  actor?: string;
  stream: string;
  revision: string;
  detail: Record<string, unknown>;
}

export const accessStreamOf = (at: Date): string => `access-${at.toISOString().slice(0, 7)}`;

const MAX_MONTHS = 25;

export class AccessLog {
  constructor(private readonly store: EventStore) {}

  async record(fact: AccessFact, at: Date, actorRole = 'system'): Promise<void> {
    const businessTime = at.toISOString();
    await this.store.append(accessStreamOf(at), [{
      eventId: randomUUID(), type: fact.type, schemaVersion: 1, data: { ...fact.data, at: businessTime },
      metadata: { actor: { userId: fact.data.personId, role: actorRole }, businessTime },
    }], 'any');
  }

  /** Entries in [from, to), oldest first, of one person or everyone: the monthly streams and the directory's account facts. */
  async list(range: { from: Date; to: Date; personId?: string }): Promise<AccessEntry[]> {
    return this.read(range, ACCESS_EVENT_TYPES, ACCOUNT_DIRECTORY_TYPES);
  }

  /** Documents downloaded in [from, to), oldest first, of one person or everyone. */
  listFileDownloads(range: { from: Date; to: Date; personId?: string }): Promise<AccessEntry[]> {
    return this.read(range, FILE_ACCESS_EVENT_TYPES, []);
  }

  private async read(range: { from: Date; to: Date; personId?: string }, monthlyTypes: readonly string[], directoryTypes: readonly string[]): Promise<AccessEntry[]> {
    const months: string[] = [];
    const cursor = new Date(Date.UTC(range.from.getUTCFullYear(), range.from.getUTCMonth(), 1));
    while (cursor < range.to && months.length < MAX_MONTHS) {
      months.push(accessStreamOf(cursor));
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    const entries: (AccessEntry & { position: GlobalPosition })[] = [];
    const keep = (stored: StoredEvent, types: readonly string[]) => {
      if (!types.includes(stored.type)) return;
      const data = stored.data as Record<string, unknown> & { personId: string; clientAddress?: string };
      const at = stored.metadata.businessTime ?? stored.recordedAt.toISOString();
      const ms = Date.parse(at);
      if (ms < range.from.getTime() || ms >= range.to.getTime()) return;
      if (range.personId !== undefined && data.personId !== range.personId) return;
      const { personId, clientAddress, at: _at, tokenSha256: _secretDigest, ...detail } = data;
      entries.push({ type: stored.type as AccessEntry['type'], at, personId, ...(clientAddress !== undefined && { clientAddress }), ...(stored.metadata.actor && { actor: stored.metadata.actor.userId }), stream: stored.stream, revision: stored.revision.toString(), detail, position: stored.position });
    };
    for (const stream of months) for await (const stored of this.store.readStream(stream)) keep(stored, monthlyTypes);
    if (directoryTypes.length > 0) for await (const stored of this.store.readStream(DIRECTORY_STREAM)) keep(stored, directoryTypes);
    // Business time first; facts of the same instant in the order the store recorded them.
    return entries
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareGlobalPositions(a.position, b.position))
      .map(({ position: _position, ...entry }) => entry);
  }
}
