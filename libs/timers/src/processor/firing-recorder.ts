import type { SqlQueryable } from '@planledger/event-store';
import type { TimerOutcome } from './timer-observer';

const RECORD_FIRINGS = `insert into timer_firings (timer_id, fired_at, outcome)
  select * from unnest($1::text[], $2::timestamptz[], $3::text[]) on conflict (timer_id) do nothing`;

interface PendingFiring {
  timerId: string;
  at: string;
  outcome: TimerOutcome;
  done: (error?: unknown) => void;
}

/**
 * Writes timer_firings rows with group commit: while one INSERT is on its way, the firings that
 * finish meanwhile wait and go together in the next one. Each caller's promise settles when its
 * own row is written (or the INSERT failed), so a job still completes only after its firing is
 * recorded. Under load this turns one round trip per firing into one per batch.
 */
export class FiringRecorder {
  private pending: PendingFiring[] = [];
  private writing = false;

  constructor(private readonly database: SqlQueryable) {}

  record(timerId: string, at: Date, outcome: TimerOutcome): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ timerId, at: at.toISOString(), outcome, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await this.database.query(RECORD_FIRINGS, [batch.map((f) => f.timerId), batch.map((f) => f.at), batch.map((f) => f.outcome)], 'timers_record_firings');
          for (const firing of batch) firing.done();
        } catch (error) {
          for (const firing of batch) firing.done(error ?? new Error('recording timer firings failed'));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
