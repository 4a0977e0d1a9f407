import { randomBytes } from 'node:crypto';
import type { Actor } from '@planledger/event-store';
import type { Clock } from '@planledger/engine';
import { DirectoryRefusedError, type PeopleDirectory, type Person } from '../people/people-directory';
import type { AccessLog } from './access-log';
import type { AccountStore } from './account-store';
import { hashPassword, verifyNothing, verifyPassword } from './password-hashing';
import { passwordProblem } from './password-policy';
import { sha256Hex, type OpenSession, type SessionStore } from './session-store';

/** Issue #11: an invitation link works once, for 7 days. */
export const INVITATION_DAYS = 7;
/** Ended and expired session rows are kept this long (for questions about a recent session), then deleted; the access log keeps the facts. */
export const SESSION_RETENTION_DAYS = 30;
const PURGE_EVERY_MS = 3600_000;

export type SignInResult =
  | { ok: true; person: Person; token: string; session: OpenSession }
  | { ok: false; error: 'sign_in_failed' }
  | { ok: false; error: 'account_locked'; lockedUntil: Date };

export type InvitationView =
  | { ok: true; name: string; login: string; expiresAt: string }
  | { ok: false; error: 'not_found' | 'used' | 'expired' | 'revoked' };

export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  constructor(readonly problem: string, message: string) {
    super(message);
  }
}

/** The session id as the access log shows it: a prefix of its hash, enough to follow one session, useless to take it over. */
const sessionLabel = (session: OpenSession) => session.idSha256.slice(0, 16);

/**
 * People's accounts: invitations, passwords, sign-in with lockout, sessions, and the audit facts
 * of each. Facts are recorded at the service clock's time (business time: virtual under
 * --virtual-clock); sessions open, idle out and end on `wallClock`, real time, so that moving the
 * demo's clock forward does not sign everyone out (and moving it back cannot keep a session alive).
 */
export class Accounts {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly store: AccountStore,
    private readonly sessions: SessionStore,
    private readonly log: AccessLog,
    private readonly clock: Clock,
    private readonly wallClock: Clock = clock,
  ) {}

  private lastPurge = Number.NEGATIVE_INFINITY;

  private now(): Promise<Date> {
    return this.clock.now();
  }

  /** Real time, for the sessions table. */
  private wallNow(): Promise<Date> {
    return this.wallClock.now();
  }

  /** At most once an hour (real time) per process, on a sign-in: no timer to run, nothing to do when nobody signs in. */
  private async purgeOldSessions(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.sessions.purge(new Date(now.getTime() - SESSION_RETENTION_DAYS * 86_400_000));
  }

  /** A one-time link's token; the directory records only its SHA-256. */
  async invite(personId: string, actor: Actor, correlationId?: string): Promise<{ token: string; expiresAt: string }> {
    const now = await this.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
    await this.directory.issueInvitation({ personId, tokenSha256: sha256Hex(token), expiresAt }, actor, correlationId);
    return { token, expiresAt };
  }

  async viewInvitation(token: string): Promise<InvitationView> {
    const found = await this.directory.invitation(sha256Hex(token));
    if (!found) return { ok: false, error: 'not_found' };
    const { invitation, person } = found;
    if (invitation.usedAt !== undefined) return { ok: false, error: 'used' };
    if (Date.parse(invitation.expiresAt) <= (await this.now()).getTime()) return { ok: false, error: 'expired' };
    if (!person || person.revokedAt !== undefined) return { ok: false, error: 'revoked' };
    return { ok: true, name: person.name, login: person.personId, expiresAt: invitation.expiresAt };
  }

  /** Sets the first password and signs the person in. The decider makes the link work once, whichever process is asked. */
  async acceptInvitation(token: string, password: string, clientAddress: string): Promise<{ person: Person; token: string; session: OpenSession } | InvitationView & { ok: false }> {
    const view = await this.viewInvitation(token);
    if (!view.ok) return view;
    const weak = passwordProblem(password, view.login);
    if (weak) throw new WeakPasswordError(weak.problem, weak.message);
    const hash = await hashPassword(password);
    let person: Person;
    try {
      person = await this.directory.useInvitation(sha256Hex(token), clientAddress);
    } catch (error) {
      if (error instanceof DirectoryRefusedError) return { ok: false, error: error.error.refusal ?? 'not_found' };
      throw error;
    }
    const now = await this.now();
    await this.store.setPassword(person.personId, hash, now);
    const opened = await this.sessions.open(person.personId, clientAddress, await this.wallNow());
    await this.log.record({ type: 'SignedIn', data: { personId: person.personId, clientAddress, method: 'invitation', session: sessionLabel(opened.session) } }, now);
    return { person, ...opened };
  }

  async signIn(login: string, password: string, clientAddress: string): Promise<SignInResult> {
    const now = await this.now();
    const person = await this.directory.get(login);
    const credentials = person && (await this.store.credentials(person.personId));
    const fail = async (reason: 'wrong_password' | 'unknown_login' | 'no_password' | 'revoked'): Promise<SignInResult> => {
      await this.log.record({ type: 'SignInFailed', data: { personId: login, clientAddress, reason } }, now);
      return { ok: false, error: 'sign_in_failed' };
    };
    if (credentials?.lockedUntil && credentials.lockedUntil > now) {
      await this.log.record({ type: 'SignInFailed', data: { personId: login, clientAddress, reason: 'locked' } }, now);
      return { ok: false, error: 'account_locked', lockedUntil: credentials.lockedUntil };
    }
    if (!person || !credentials?.passwordHash) {
      await verifyNothing(password);
      return fail(person ? 'no_password' : 'unknown_login');
    }
    if (!(await verifyPassword(credentials.passwordHash, password))) {
      const { lockedUntil } = await this.store.recordFailure(person.personId, now);
      await fail('wrong_password');
      if (lockedUntil) {
        await this.log.record({ type: 'AccountLocked', data: { personId: person.personId, clientAddress, lockedUntil: lockedUntil.toISOString() } }, now);
        return { ok: false, error: 'account_locked', lockedUntil };
      }
      return { ok: false, error: 'sign_in_failed' };
    }
    // A revoked person's right password still opens nothing (and says no more than a wrong one).
    if (person.revokedAt !== undefined || credentials.revokedAt) return fail('revoked');
    if (credentials.failedSignIns > 0 || credentials.lockedUntil) await this.store.clearFailures(person.personId, now);
    const wall = await this.wallNow();
    await this.purgeOldSessions(wall);
    const opened = await this.sessions.open(person.personId, clientAddress, wall);
    await this.log.record({ type: 'SignedIn', data: { personId: person.personId, clientAddress, method: 'password', session: sessionLabel(opened.session) } }, now);
    return { ok: true, person, ...opened };
  }

  /** The person behind a session cookie, or undefined (unknown, ended, expired, revoked). */
  async session(token: string): Promise<{ person: Person; session: OpenSession } | undefined> {
    const session = await this.sessions.check(token, await this.wallNow());
    if (!session) return undefined;
    const person = await this.directory.get(session.personId);
    if (!person || person.revokedAt !== undefined) return undefined;
    return { person, session };
  }

  async signOut(session: OpenSession, clientAddress: string): Promise<void> {
    const now = await this.now();
    if (await this.sessions.end(session.idSha256, 'signed_out', await this.wallNow())) {
      await this.log.record({ type: 'SignedOut', data: { personId: session.personId, clientAddress, session: sessionLabel(session) } }, now);
    }
  }

  /** Needs the current password; ends the person's other sessions (the one that asked stays). */
  async changePassword(personId: string, current: string, next: string, clientAddress: string, actor: Actor, keepSession?: string): Promise<'changed' | 'wrong_password'> {
    const credentials = await this.store.credentials(personId);
    if (!credentials?.passwordHash || !(await verifyPassword(credentials.passwordHash, current))) {
      await this.log.record({ type: 'SignInFailed', data: { personId, clientAddress, reason: 'wrong_password' } }, await this.now());
      return 'wrong_password';
    }
    const weak = passwordProblem(next, personId);
    if (weak) throw new WeakPasswordError(weak.problem, weak.message);
    if (current === next) throw new WeakPasswordError('unchanged', 'the new password must differ from the current one');
    const hash = await hashPassword(next);
    await this.directory.recordPasswordChange(personId, clientAddress, actor);
    const now = await this.now();
    await this.store.setPassword(personId, hash, now);
    await this.sessions.endOthers(personId, keepSession, 'password_changed', await this.wallNow());
    return 'changed';
  }

  /** The directory records the revocation; the account table ends every session at once, for every process. */
  async revoke(personId: string, reason: string, actor: Actor, correlationId?: string): Promise<Person> {
    const person = await this.directory.revoke(personId, reason, actor, correlationId);
    // Ends the person's sessions: the sessions table is on real time.
    await this.store.revoke(personId, await this.wallNow());
    return person;
  }
}
