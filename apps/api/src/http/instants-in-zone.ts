import { instantInZone } from '@planledger/calendar';

/** A complete ISO-8601 instant (with `Z` or an offset); dates, periods and ids never match. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every `planId` named anywhere in an answer, so that their zones can be looked up in one query. */
export function planIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) planIdsIn(item, found);
  else if (isObject(value)) {
    if (typeof value.planId === 'string') found.add(value.planId);
    for (const item of Object.values(value)) planIdsIn(item, found);
  }
  return found;
}

/**
 * A copy of an answer with every instant written in the zone of the plan it belongs to: the
 * nearest enclosing object that names a `timeZone` or a `planId` decides, else `fallbackZone`.
 * Dates are the same instants; only how they are written changes, so that a planner in
 * Shanghai reads 23:59 on the due day rather than 15:59 UTC.
 */
export function instantsInZone(value: unknown, zoneOfPlan: ReadonlyMap<string, string>, fallbackZone: string): unknown {
  const written = new Map<string, string>();
  const convert = (at: string, zone: string) => {
    const key = `${zone} ${at}`;
    let text = written.get(key);
    if (text === undefined) written.set(key, (text = writtenInZone(at, zone)));
    return text;
  };
  const walk = (node: unknown, zone: string): unknown => {
    if (typeof node === 'string') return INSTANT.test(node) ? convert(node, zone) : node;
    if (node instanceof Date) return convert(node.toISOString(), zone);
    if (Array.isArray(node)) return node.map((item) => walk(item, zone));
    if (!isObject(node)) return node;
    const own = typeof node.timeZone === 'string' ? node.timeZone : typeof node.planId === 'string' ? zoneOfPlan.get(node.planId) : undefined;
    const inner = own ?? zone;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, inner)]));
  };
  return walk(value, fallbackZone);
}

/** An instant-shaped text that is no real instant (a stored typo, a bad zone) is answered as it is, never as a 500. */
function writtenInZone(at: string, zone: string): string {
  try {
    return instantInZone(at, zone) || at;
  } catch {
    return at;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value);
}
