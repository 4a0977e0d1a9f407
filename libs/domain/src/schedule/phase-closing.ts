import { addDays, isBefore, type Instant } from '../shared/time';
import type { ScheduledPhase } from './plan-schedule';

/** Without an explicit closing date, the closing duty takes the phase's last 14 days. */
export const DEFAULT_CLOSING_DAYS = 14;

export const closingStartOf = (phase: Pick<ScheduledPhase, 'opensAt' | 'closesAt' | 'closingStartsAt'>): Instant => {
  if (phase.closingStartsAt) return phase.closingStartsAt;
  const candidate = addDays(phase.closesAt, -DEFAULT_CLOSING_DAYS);
  return isBefore(candidate, phase.opensAt) ? phase.opensAt : candidate;
};
