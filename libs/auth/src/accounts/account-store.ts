import type { SqlExecutor } from '@planledger/event-store';

/** Sign-in rules of issue #11: 5 failures in a row lock the account for 15 minutes. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;

export interface CredentialRow {
  personId: string;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  revokedAt: Date | null;
}

const iso = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | Date));

/**
 * Passwords (argon2id hashes) and lockout counters, one row per person. Every instant comes
 * from the caller (the service clock), never from the database's now().
 */
export class AccountStore {
  constructor(private readonly db: SqlExecutor) {}

  async credentials(personId: string): Promise<CredentialRow | undefined> {
    const [row] = await this.db.query<Record<string, unknown>>(
      'select person_id, password_hash, failed_sign_ins, locked_until, revoked_at from person_credentials where person_id = $1', [personId]);
    return row && {
      personId: String(row.person_id), passwordHash: (row.password_hash as string | null) ?? null, failedSignIns: Number(row.failed_sign_ins),
      lockedUntil: iso(row.locked_until), revokedAt: iso(row.revoked_at),
    };
  }

  /** A new password clears the lockout counters. */
  async setPassword(personId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.query(
      `insert into person_credentials (person_id, password_hash, failed_sign_ins, locked_until, updated_at) values ($1, $2, 0, null, $3)
       on conflict (person_id) do update set password_hash = excluded.password_hash, failed_sign_ins = 0, locked_until = null, updated_at = excluded.updated_at`,
      [personId, passwordHash, now.toISOString()]);
  }

  /**
   * One more failure in a row; the fifth locks the account until now + 15 min and starts the count
   * again. In one statement, so that two processes counting at once never lose a failure.
   */
  async recordFailure(personId: string, now: Date): Promise<{ lockedUntil: Date | null }> {
    const lockedUntil = new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString();
    const [row] = await this.db.query<{ locked_until: unknown }>(
      `insert into person_credentials (person_id, failed_sign_ins, updated_at) values ($1, 1, $2)
       on conflict (person_id) do update set
         failed_sign_ins = case when person_credentials.failed_sign_ins + 1 >= $4 then 0 else person_credentials.failed_sign_ins + 1 end,
         locked_until = case when person_credentials.failed_sign_ins + 1 >= $4 then $3::timestamptz else person_credentials.locked_until end,
         updated_at = excluded.updated_at
       returning case when failed_sign_ins = 0 then locked_until end as locked_until`,
      [personId, now.toISOString(), lockedUntil, LOCKOUT.failures]);
    return { lockedUntil: iso(row?.locked_until) };
  }

  async clearFailures(personId: string, now: Date): Promise<void> {
    await this.db.query('update person_credentials set failed_sign_ins = 0, locked_until = null, updated_at = $2 where person_id = $1', [personId, now.toISOString()]);
  }

  /**
   * Revocation, for every process at once: the person's sessions end and the credentials are
   * marked, in one transaction; the session check reads both on every request.
   */
  async revoke(personId: string, now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `insert into person_credentials (person_id, revoked_at, updated_at) values ($1, $2, $2)
         on conflict (person_id) do update set revoked_at = coalesce(person_credentials.revoked_at, excluded.revoked_at), updated_at = excluded.updated_at`,
        [personId, now.toISOString()]);
      const ended = await tx.query("update person_sessions set ended_at = $2, ended_reason = 'revoked' where person_id = $1 and ended_at is null returning id_sha256", [personId, now.toISOString()]);
      return ended.length;
    });
  }
}
