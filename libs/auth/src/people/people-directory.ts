import { randomUUID } from 'node:crypto';
import { ConcurrencyError, type Actor, type EventStore, type StoredEvent } from '@planledger/event-store';
import { systemClock, type Clock } from '@planledger/engine';
import type { Role } from '../principal';
import { DIRECTORY_STREAM, type DirectoryEvent, type PersonRegisteredData, type PersonRevokedData } from './directory-events';

export interface Person {
  personId: string;
  name: string;
  roles: Role[];
  departments: string[];
  registeredAt: string;
  revokedAt?: string;
  revokedReason?: string;
}

export class PersonConflictError extends Error {
  override readonly name = 'PersonConflictError';
}
export class PersonNotFoundError extends Error {
  override readonly name = 'PersonNotFoundError';
}

export interface DirectoryOptions {
  /**
   * How old the cache may be before a check re-reads the stream's tail. A revocation made in this
   * process applies at once; other processes of a cluster see it within this interval.
   */
  refreshIntervalMs?: number;
  /** Business time for registrations and revocations: the service clock (virtual under --virtual-clock). */
  clock?: Clock;
}

/** The `directory` stream folded into memory; rebuilt from the stream on start, then kept up by its tail. */
export class PeopleDirectory {
  private readonly people = new Map<string, Person>();
  private revision: bigint | undefined;
  private refreshedAt = 0;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore, private readonly options: DirectoryOptions = {}) {}

  /** Reads what was appended since the last read (one query when nothing changed). Reads run one after another. */
  refresh(): Promise<void> {
    const read = async () => {
      const from = this.revision === undefined ? 0n : this.revision + 1n;
      for await (const event of this.store.readStream(DIRECTORY_STREAM, { fromRevision: from })) this.apply(event);
      this.refreshedAt = Date.now();
    };
    const next = this.reading.then(read, read);
    this.reading = next.catch(() => undefined);
    return next;
  }

  async isRevoked(personId: string): Promise<boolean> {
    if (Date.now() - this.refreshedAt > (this.options.refreshIntervalMs ?? 1000)) await this.refresh();
    return this.people.get(personId)?.revokedAt !== undefined;
  }

  async list(): Promise<Person[]> {
    await this.refresh();
    return [...this.people.values()].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.personId.localeCompare(b.personId));
  }

  async get(personId: string): Promise<Person | undefined> {
    await this.refresh();
    return this.people.get(personId);
  }

  /** Ids are never reused: a revoked person stays in the record under theirs. */
  async register(person: { personId?: string; name: string; roles: Role[]; departments: string[] }, actor: Actor, correlationId?: string): Promise<Person> {
    const personId = person.personId ?? `person-${randomUUID().slice(0, 8)}`;
    const data: PersonRegisteredData = { personId, name: person.name, roles: person.roles, departments: person.departments, at: await this.now() };
    await this.append({ type: 'PersonRegistered', schemaVersion: 1, data }, actor, correlationId, () => {
      if (this.people.has(personId)) throw new PersonConflictError(`person ${personId} is already registered`);
    });
    return this.people.get(personId)!;
  }

  /** Revoking twice records nothing new. */
  async revoke(personId: string, reason: string, actor: Actor, correlationId?: string): Promise<Person> {
    const data: PersonRevokedData = { personId, reason, at: await this.now() };
    let already = false;
    await this.append({ type: 'PersonRevoked', schemaVersion: 1, data }, actor, correlationId, () => {
      const person = this.people.get(personId);
      if (!person) throw new PersonNotFoundError(`person ${personId} not found`);
      already = person.revokedAt !== undefined;
    }, () => already);
    return this.people.get(personId)!;
  }

  private async now(): Promise<string> {
    return (await (this.options.clock ?? systemClock).now()).toISOString();
  }

  /** Check against the latest state, append at the revision read; on a concurrent append, once more. */
  private async append(event: DirectoryEvent, actor: Actor, correlationId: string | undefined, check: () => void, skip: () => boolean = () => false): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.refresh();
      check();
      if (skip()) return;
      try {
        const input = { eventId: randomUUID(), ...event, metadata: { actor, businessTime: event.data.at, ...(correlationId && { correlationId }) } };
        await this.store.append(DIRECTORY_STREAM, [input], this.revision ?? 'no_stream');
        await this.refresh();
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= 2) throw error;
      }
    }
  }

  private apply(stored: StoredEvent): void {
    this.revision = stored.revision;
    if (stored.type === 'PersonRegistered') {
      const data = stored.data as PersonRegisteredData;
      this.people.set(data.personId, { personId: data.personId, name: data.name, roles: data.roles, departments: data.departments, registeredAt: data.at });
    } else if (stored.type === 'PersonRevoked') {
      const data = stored.data as PersonRevokedData;
      const person = this.people.get(data.personId);
      if (person) this.people.set(data.personId, { ...person, revokedAt: data.at, revokedReason: data.reason });
    }
  }
}
