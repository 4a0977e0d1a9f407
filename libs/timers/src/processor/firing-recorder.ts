import type { SqlQueryable } from '@planledger/event-store';
import { GroupedQueries } from './grouped-queries';
import type { TimerOutcome } from './timer-observer';

const RECORD_FIRINGS = `insert into timer_firings (timer_id, fired_at, outcome)
  select * from unnest($1::text[], $2::timestamptz[], $3::text[]) on conflict (timer_id) do nothing`;

interface Firing {
  timerId: string;
  at: string;
  outcome: TimerOutcome;
}

/**
 * Writes timer_firings rows with group commit (GroupedQueries). Each caller's promise settles when
 * its own row is written or the INSERT failed, so a job still completes only after its firing is
 * recorded.
 */
export class FiringRecorder {
  private readonly inserts: GroupedQueries<Firing, void>;

  constructor(private readonly database: SqlQueryable) {
    this.inserts = new GroupedQueries<Firing, void>(async (batch) => {
      await database.query(RECORD_FIRINGS, [batch.map((f) => f.timerId), batch.map((f) => f.at), batch.map((f) => f.outcome)], 'timers_record_firings');
      return batch.map((): void => undefined);
    });
  }

  /** A batch's firings, all at one business time, in one INSERT. */
  async recordMany(firings: readonly { timerId: string; outcome: TimerOutcome }[], at: Date): Promise<void> {
    if (firings.length === 0) return;
    const when = at.toISOString();
    await this.database.query(RECORD_FIRINGS, [firings.map((f) => f.timerId), firings.map(() => when), firings.map((f) => f.outcome)], 'timers_record_firings');
  }

  record(timerId: string, at: Date, outcome: TimerOutcome): Promise<void> {
    return this.inserts.submit({ timerId, at: at.toISOString(), outcome });
  }
}
