import type { Clock } from '@planledger/engine';
import type { SqlExecutor } from '@planledger/event-store';

const CREATE = `create table if not exists service_clock (
  id smallint primary key default 1 check (id = 1),
  business_time timestamptz not null,
  updated_at timestamptz not null default now()
)`;

/**
 * Business time set by hand (--virtual-clock): one row beside the data, so that every api and
 * worker process of a cluster reads the same "now", and a restart resumes where time stood.
 * It only moves forward: timers already fired cannot be un-fired.
 */
export class VirtualClock implements Clock {
  private constructor(private readonly database: SqlExecutor) {}

  static async open(database: SqlExecutor, start: Date): Promise<VirtualClock> {
    await database.query(CREATE);
    await database.query('insert into service_clock (id, business_time) values (1, $1) on conflict (id) do nothing', [start.toISOString()]);
    return new VirtualClock(database);
  }

  async now(): Promise<Date> {
    const rows = await this.database.query<{ business_time: Date | string }>('select business_time from service_clock where id = 1');
    return new Date(rows[0].business_time);
  }

  /** Moves business time forward to `to`; refuses to go back. Returns the time now in force. */
  async set(to: Date): Promise<Date> {
    const rows = await this.database.query<{ business_time: Date | string }>(
      'update service_clock set business_time = greatest(business_time, $1::timestamptz), updated_at = now() where id = 1 returning business_time',
      [to.toISOString()],
    );
    return new Date(rows[0].business_time);
  }
}
