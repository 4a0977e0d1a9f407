import { endOfLocalDay, startOfLocalDay, type LocalDate } from '@planledger/calendar';
import type { Instant } from '@planledger/domain';

export interface DayBounds {
  opensAt: Instant;
  closesAt: Instant;
  closesAtMs: number;
}

/**
 * Turns local days into instants in the plan's zone. Hundreds of thousands of obligations
 * share a few hundred due dates, so each day is converted once.
 */
export class PlanClock {
  private readonly days = new Map<LocalDate, DayBounds>();

  constructor(readonly timeZone: string) {}

  day(date: LocalDate): DayBounds {
    let bounds = this.days.get(date);
    if (bounds === undefined) {
      const closesAt = endOfLocalDay(date, this.timeZone);
      bounds = { opensAt: startOfLocalDay(date, this.timeZone), closesAt, closesAtMs: Date.parse(closesAt) };
      this.days.set(date, bounds);
    }
    return bounds;
  }
}
