import type { FieldProblem } from './command-result';

/**
 * Every instant a command records lies in [1970-01-01T00:00:00Z, 2201-01-01T00:00:00Z): wide
 * enough for any plan (school years are 1990–2100), far inside what PostgreSQL's timestamptz,
 * JavaScript's Date and ISO-8601's four-digit years hold, so that every recorded instant can be
 * projected (decision 0005, "Instants at the edge"). Checked at the edge, before anything is stored.
 */
export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('2200-12-31T23:59:59.999Z');
export const INSTANT_RANGE_TEXT = 'between 1970-01-01 and 2200-12-31 (UTC)';

export const isInstantInRange = (at: Date): boolean =>
  !Number.isNaN(at.getTime()) && at.getTime() >= EARLIEST_INSTANT.getTime() && at.getTime() <= LATEST_INSTANT.getTime();

/** YYYY-MM-DD (the day's start in UTC) inside the range. */
export const isDateInRange = (date: string): boolean => isInstantInRange(new Date(`${date}T00:00:00Z`));

const DATE_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Walks a value about to be recorded (a compiled schedule) and names every date or instant
 * string outside the range by its JSON path, e.g. `schedule.obligations[12].dueAt`.
 */
export function instantsOutOfRange(value: unknown, path: string, limit = 20): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const walk = (node: unknown, at: string): void => {
    if (problems.length >= limit) return;
    if (typeof node === 'string') {
      if (DATE_LIKE.test(node) && !isInstantInRange(new Date(node))) problems.push({ path: at, message: `${node} is not ${INSTANT_RANGE_TEXT}` });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${at}[${index}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, `${at}.${key}`);
    }
  };
  walk(value, path);
  return problems;
}

/**
 * Every instant of a compiled schedule outside the range, each as a problem with the command
 * field that put it there: `rebase` when the caller rebased the plan, else the definition itself.
 */
export function scheduleOutOfRange(schedule: unknown, rebase: string | undefined): FieldProblem[] {
  return instantsOutOfRange(schedule, 'schedule').map((problem) => ({
    field: rebase === undefined ? 'definition' : 'rebase',
    message: `${problem.path}: ${problem.message}${rebase === undefined ? '' : ` once rebased to ${rebase}`}`,
  }));
}
