import type { SqlQueryable } from '@planledger/event-store';

/**
 * Takes the lease, or extends it when `holder` already has it. Another holder's lease is taken
 * only once expired. Times are the database's, so the processes' clocks need not agree.
 */
export async function tryAcquireLease(db: SqlQueryable, name: string, holder: string, leaseMs: number): Promise<boolean> {
  const rows = await db.query(
    `insert into read_leases (name, holder, expires_at) values ($1, $2, clock_timestamp() + $3::int * interval '1 millisecond')
     on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where read_leases.holder = excluded.holder or read_leases.expires_at <= clock_timestamp()
     returning holder`,
    [name, holder, Math.round(leaseMs)],
  );
  return rows.length === 1;
}

/** Gives the lease up at once, so that another process need not wait for it to expire. */
export async function releaseLease(db: SqlQueryable, name: string, holder: string): Promise<void> {
  await db.query('delete from read_leases where name = $1 and holder = $2', [name, holder]);
}
