import { randomUUID } from 'node:crypto';
import {
  DIRECTORY_STREAM, directoryDecider, isDirectoryEventType,
  type DirectoryCommand, type DirectoryError, type DirectoryEvent, type DirectoryInvitation, type DirectoryState,
} from '@planledger/domain';
import type { Actor, EventStore, StoredEvent } from '@planledger/event-store';
import { CommandExecutor, systemClock, type Clock } from '@planledger/engine';
import type { Role } from '../principal';
import { directoryStream } from './directory-stream';

export interface Person {
  personId: string;
  name: string;
  roles: Role[];
  departments: string[];
  registeredAt: string;
  revokedAt?: string;
  revokedReason?: string;
  passwordSetAt?: string;
}

export class PersonConflictError extends Error {
  override readonly name = 'PersonConflictError';
}
export class PersonNotFoundError extends Error {
  override readonly name = 'PersonNotFoundError';
}
/** The directory refused a command for another reason (an unusable invitation, a revoked person). */
export class DirectoryRefusedError extends Error {
  override readonly name = 'DirectoryRefusedError';
  constructor(readonly error: DirectoryError) {
    super(error.message);
  }
}

export interface DirectoryOptions {
  /**
   * How old the cache may be before a bearer-token check re-reads the stream's tail. A revocation
   * made in this process applies at once; other processes see it within this interval. Sessions do
   * not depend on it: they are checked in the database on every request.
   */
  refreshIntervalMs?: number;
  /** Business time for every fact: the service clock (virtual under --virtual-clock). */
  clock?: Clock;
  /** The service's command executor (its metrics count the directory's commands too); one of its own otherwise. */
  executor?: CommandExecutor;
}

const toPerson = (p: DirectoryState['people'][string]): Person => ({ ...p, roles: p.roles as Role[] });

/**
 * The `directory` stream folded into memory through the directory decider, for reads on every
 * request; rebuilt from the stream on start, then kept up by its tail. Commands go through the
 * command executor (load, decide, append at the revision read, retry on a concurrent append) at
 * the service clock's business time.
 */
export class PeopleDirectory {
  private state: DirectoryState = directoryDecider.initialState();
  private revision: bigint | undefined;
  private refreshedAt = 0;
  private reading: Promise<void> = Promise.resolve();

  private readonly executor: CommandExecutor;

  constructor(private readonly store: EventStore, private readonly options: DirectoryOptions = {}) {
    this.executor = options.executor ?? new CommandExecutor(store);
  }

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
    return this.state.people[personId]?.revokedAt !== undefined;
  }

  async list(): Promise<Person[]> {
    await this.refresh();
    return Object.values(this.state.people).map(toPerson).sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.personId.localeCompare(b.personId));
  }

  async get(personId: string): Promise<Person | undefined> {
    await this.refresh();
    const person = this.state.people[personId];
    return person && toPerson(person);
  }

  /** The invitation a token's hash names, with its person (undefined when there is none). */
  async invitation(tokenSha256: string): Promise<{ invitation: DirectoryInvitation; person: Person | undefined } | undefined> {
    await this.refresh();
    const invitation = this.state.invitations[tokenSha256];
    if (!invitation) return undefined;
    const person = this.state.people[invitation.personId];
    return { invitation, person: person && toPerson(person) };
  }

  /** Ids are never reused: a revoked person stays in the record under theirs. */
  async register(person: { personId?: string; name: string; roles: Role[]; departments: string[] }, actor: Actor, correlationId?: string): Promise<Person> {
    const personId = person.personId ?? `person-${randomUUID().slice(0, 8)}`;
    await this.execute((at) => ({ type: 'RegisterPerson', data: { personId, name: person.name, roles: person.roles, departments: person.departments }, metadata: { actor: asDomainActor(actor), at } }), correlationId);
    return (await this.get(personId))!;
  }

  /** Revoking twice records nothing new. */
  async revoke(personId: string, reason: string, actor: Actor, correlationId?: string): Promise<Person> {
    await this.execute((at) => ({ type: 'RevokePerson', data: { personId, reason }, metadata: { actor: asDomainActor(actor), at } }), correlationId);
    return (await this.get(personId))!;
  }

  async issueInvitation(invitation: { personId: string; tokenSha256: string; expiresAt: string }, actor: Actor, correlationId?: string): Promise<DirectoryInvitation> {
    const invitationId = `inv-${randomUUID().slice(0, 12)}`;
    await this.execute((at) => ({ type: 'IssueInvitation', data: { ...invitation, invitationId }, metadata: { actor: asDomainActor(actor), at } }), correlationId);
    return this.state.invitations[invitation.tokenSha256]!;
  }

  /** Marks the invitation used (once: a second use is refused by the decider, whichever process tries). */
  async useInvitation(tokenSha256: string, clientAddress: string, correlationId?: string): Promise<Person> {
    await this.refresh();
    const found = this.state.invitations[tokenSha256];
    const actor: Actor = { userId: found?.personId ?? 'unknown', role: 'system' };
    const events = await this.execute((at) => ({ type: 'UseInvitation', data: { tokenSha256, clientAddress }, metadata: { actor: asDomainActor(actor), at } }), correlationId);
    return (await this.get(events[0]!.data.personId))!;
  }

  async recordPasswordChange(personId: string, clientAddress: string, actor: Actor, correlationId?: string): Promise<void> {
    await this.execute((at) => ({ type: 'RecordPasswordChange', data: { personId, clientAddress }, metadata: { actor: asDomainActor(actor), at } }), correlationId);
  }

  private async execute(command: (at: string) => DirectoryCommand, correlationId: string | undefined): Promise<DirectoryEvent[]> {
    const at = (await (this.options.clock ?? systemClock).now()).toISOString();
    const result = await this.executor.executeOn(directoryStream, command(at), { correlationId: correlationId || undefined });
    if (!result.ok) throw refusal(result.error);
    await this.refresh();
    return result.events;
  }

  private apply(stored: StoredEvent): void {
    this.revision = stored.revision;
    if (!isDirectoryEventType(stored.type)) return;
    const event = { type: stored.type, schemaVersion: 1, at: stored.metadata.businessTime ?? (stored.data as { at: string }).at, actor: stored.metadata.actor, data: stored.data } as DirectoryEvent;
    this.state = directoryDecider.evolve(this.state, event);
  }
}

function refusal(error: DirectoryError): Error {
  if (error.code === 'already_exists') return new PersonConflictError(error.message);
  if (error.code === 'not_found') return new PersonNotFoundError(error.message);
  return new DirectoryRefusedError(error);
}

/** The store's actor and the domain's share a shape; the store's role is a plain string. */
const asDomainActor = (actor: Actor): DirectoryCommand['metadata']['actor'] => actor as DirectoryCommand['metadata']['actor'];
