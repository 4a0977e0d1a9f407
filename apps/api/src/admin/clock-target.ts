import type { z } from 'zod';
import { InvalidRequestError } from '../http/api-errors';
import { INSTANT_RANGE_TEXT, isInstantInRange } from '../commands/instant-range';
import type { setClockBody } from '../routes/request-schemas';

const UNIT_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

/** P[n]W[n]DT[n]H[n]M[n]S → milliseconds. Months and years are refused by the schema: their length depends on the date. */
export function durationMs(iso: string): number {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) throw new RangeError(`not a duration: ${iso}`);
  const [, w, d, h, m, s] = match;
  return Number(w ?? 0) * UNIT_MS.W + Number(d ?? 0) * UNIT_MS.D + Number(h ?? 0) * UNIT_MS.H + Number(m ?? 0) * UNIT_MS.M + Number(s ?? 0) * UNIT_MS.S;
}

/** Where `{set}` or `{advance}` takes business time; it only moves forward (fired timers cannot be unfired). */
export function clockTarget(body: z.output<typeof setClockBody>, now: Date): Date {
  if ('set' in body) {
    const target = new Date(body.set);
    if (target < now) throw new InvalidRequestError([{ path: 'body.set', message: `the virtual clock only moves forward; it is ${now.toISOString()}` }]);
    return target;
  }
  const ms = typeof body.advance === 'number' ? body.advance * UNIT_MS.D : durationMs(body.advance);
  if (ms <= 0) throw new InvalidRequestError([{ path: 'body.advance', message: 'advance by more than nothing' }]);
  const target = new Date(now.getTime() + ms);
  if (!isInstantInRange(target)) {
    throw new InvalidRequestError([{ path: 'body.advance', message: `${body.advance} from ${now.toISOString()} passes the last instant the record keeps: business time stays ${INSTANT_RANGE_TEXT}` }]);
  }
  return target;
}
