import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '@planledger/event-store';

/** Issue #11: 30 minutes idle, 12 hours at most. */
export const SESSION_LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 } as const;
/** A still-valid session's last_seen_at is moved at most this often (one write per minute, not per request). */
const TOUCH_EVERY_MS = 60_000;

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface OpenSession {
  personId: string;
  idSha256: string;
  /** When it ends if unused: the earlier of idle and absolute expiry. */
  expiresAt: Date;
}

export type SessionEnd = 'signed_out' | 'revoked' | 'password_changed';

/**
 * Server-side sessions. The cookie holds 32 random bytes; the table holds their SHA-256, so a
 * copy of the table lets nobody in. Checked in the database on every request: an end (sign-out,
 * revocation) applies at once in every api process sharing the database.
 */
export class SessionStore {
  constructor(private readonly db: SqlExecutor) {}

  async open(personId: string, clientAddress: string, now: Date): Promise<{ token: string; session: OpenSession }> {
    const token = randomBytes(32).toString('base64url');
    const idSha256 = sha256Hex(token);
    const absolute = new Date(now.getTime() + SESSION_LIMITS.absoluteMs);
    await this.db.query(
      'insert into person_sessions (id_sha256, person_id, created_at, last_seen_at, expires_at, client_address) values ($1, $2, $3, $3, $4, $5)',
      [idSha256, personId, now.toISOString(), absolute.toISOString(), clientAddress]);
    return { token, session: { personId, idSha256, expiresAt: new Date(Math.min(absolute.getTime(), now.getTime() + SESSION_LIMITS.idleMs)) } };
  }

  /**
   * The session a cookie names, if it is open, neither idle too long nor past its absolute end,
   * and its person not revoked; its idle clock restarts. Expired sessions are marked ended.
   */
  async check(token: string, now: Date): Promise<OpenSession | undefined> {
    const idSha256 = sha256Hex(token);
    const [row] = await this.db.query<{ person_id: string; last_seen_at: unknown; expires_at: unknown; revoked_at: unknown }>(
      `select s.person_id, s.last_seen_at, s.expires_at, c.revoked_at from person_sessions s
       left join person_credentials c on c.person_id = s.person_id
       where s.id_sha256 = $1 and s.ended_at is null`, [idSha256], 'planledger_session_check');
    if (!row) return undefined;
    const lastSeen = new Date(row.last_seen_at as string).getTime();
    const absolute = new Date(row.expires_at as string).getTime();
    if (row.revoked_at !== null && row.revoked_at !== undefined) return undefined;
    const ended = now.getTime() >= absolute ? 'expired_absolute' : now.getTime() - lastSeen >= SESSION_LIMITS.idleMs ? 'expired_idle' : undefined;
    if (ended) {
      await this.db.query('update person_sessions set ended_at = $2, ended_reason = $3 where id_sha256 = $1 and ended_at is null', [idSha256, now.toISOString(), ended]);
      return undefined;
    }
    if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
      await this.db.query('update person_sessions set last_seen_at = greatest(last_seen_at, $2::timestamptz) where id_sha256 = $1', [idSha256, now.toISOString()]);
    }
    const seen = Math.max(lastSeen, now.getTime());
    return { personId: row.person_id, idSha256, expiresAt: new Date(Math.min(absolute, seen + SESSION_LIMITS.idleMs)) };
  }

  async end(idSha256: string, reason: SessionEnd, now: Date): Promise<boolean> {
    const rows = await this.db.query('update person_sessions set ended_at = $2, ended_reason = $3 where id_sha256 = $1 and ended_at is null returning person_id', [idSha256, now.toISOString(), reason]);
    return rows.length > 0;
  }

  /** Every open session of the person but one (a password change keeps the session that made it). */
  async endOthers(personId: string, keep: string | undefined, reason: SessionEnd, now: Date): Promise<number> {
    const rows = await this.db.query(
      'update person_sessions set ended_at = $3, ended_reason = $4 where person_id = $1 and ended_at is null and id_sha256 is distinct from $2 returning id_sha256',
      [personId, keep ?? null, now.toISOString(), reason]);
    return rows.length;
  }

  /** Retention: ended or expired sessions older than `before` are deleted (the access log keeps the facts). */
  async purge(before: Date): Promise<number> {
    const rows = await this.db.query('delete from person_sessions where expires_at < $1 or (ended_at is not null and ended_at < $1) returning id_sha256', [before.toISOString()]);
    return rows.length;
  }
}
