import { closestMatch } from '../shared/closest-match';
import { listSome, type CheckInput, type ErrorCollector } from './check-context';
import { workEntries } from './plan-entries';

/**
 * Deadlines that hang on something other than a date (ADR 0015): an outside event the plan names
 * under `events:`, or another measure or deliverable (`before`, `after-accepted`). Each reference
 * must name something defined, located at the key that names it.
 */
export function checkDynamicDeadlines(input: CheckInput, errors: ErrorCollector): void {
  const { definition: d } = input;
  const entries = workEntries(d);
  const events = new Map(d.events.map((event) => [event.id, event]));
  const eventIds = [...events.keys()];
  const steps = entries.map(({ entry }) => entry.id);
  const stepSet = new Set(steps);
  const hint = (id: string, among: string[]) => {
    const guess = closestMatch(id, among);
    return guess ? ` (did you mean "${guess}"?)` : '';
  };
  for (const { entry, path, deadline } of entries) {
    const at = [...path, 'deadline'];
    if (deadline.kind === 'event') {
      const event = events.get(deadline.event);
      if (!event) errors.inPlan([...at, 'event'], 'dangling-reference', `event "${deadline.event}" is not named under events:${hint(deadline.event, eventIds)}; named events: ${listSome(eventIds)}`);
      else if (event.inspection) errors.inPlan([...at, 'event'], 'invalid-value', `"${entry.id}" hangs on "${event.id}", an inspection: inspections are only recorded and owe nobody anything`);
      else if (event.recurring && (deadline.before !== undefined || deadline.beforeWorkingDays !== undefined)) errors.inPlan([...at, deadline.before !== undefined ? 'before' : 'beforeWorkingDays'], 'invalid-value', `"${entry.id}" is due before "${event.id}", which recurs: only work after each occurrence can be owed`);
    }
    if ((deadline.kind === 'before' || deadline.kind === 'after-accepted') && !stepSet.has(deadline.step)) {
      errors.inPlan([...at, 'step'], 'dangling-reference', `step "${deadline.step}" is no measure or deliverable of the plan${hint(deadline.step, steps)}`);
    }
  }
}
