import { ApiError } from '../http/api-errors';

const DAY_MS = 86_400_000;
/** The monthly access streams of two years at most per question. */
const MAX_RANGE_DAYS = 731;

/** The period GET /audit/sign-ins (and its export) answers for: 30 days up to now unless told. */
export function signInRange(query: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  // `to` is exclusive; by default the period includes this very instant (under a paused virtual
  // clock every record of the day carries exactly "now").
  const to = query.to ? new Date(query.to) : new Date(now.getTime() + 1);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw new ApiError(400, { error: 'invalid_request', problems: [{ path: 'query.from', message: '`from` must be before `to`' }] });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new ApiError(400, { error: 'invalid_request', problems: [{ path: 'query.from', message: `at most ${MAX_RANGE_DAYS} days per question` }] });
  return { from, to };
}
