import type { CheckInput, ErrorCollector } from './check-context';
import { workEntries } from './plan-entries';

/**
 * Undated phases (`after: previous`, ADR 0019): each follows the phase listed before it, so the
 * first phase cannot be one; a phase has a window or `after: previous`, never both, never neither.
 * Work in an undated phase is dated from its opening, the only date it will have: a deadline
 * `kind: phase, anchor: start` on it. Dates written in the plan, and its end (known only when a
 * planner closes it), are refused: nobody can tell whether they fall inside it.
 */
export function checkOrderedPhases({ definition: d }: CheckInput, errors: ErrorCollector): void {
  const undated = new Set<string>();
  d.phases.forEach((phase, index) => {
    const at = ['phases', index];
    if (phase.after === undefined) {
      if (phase.window === undefined) errors.inPlan([...at, 'id'], 'missing-key', `phase "${phase.id}" has no window: give window: { from, to } (or { schoolYear }), or after: previous for a phase that opens when the one before it closes`);
      return;
    }
    if (phase.window !== undefined) errors.inPlan([...at, 'after'], 'undated-phase', `phase "${phase.id}" has a window and after: previous: an undated phase has no dates; keep one of them`);
    else if (index === 0) errors.inPlan([...at, 'after'], 'undated-phase', `phase "${phase.id}" is the first phase: there is no phase before it to follow; give it a window`);
    else undated.add(phase.id);
  });
  if (undated.size === 0) return;

  const datedFromOpening = 'kind: phase, phase: <the undated phase>, anchor: start, offsetDays: N (due N days after it opens)';
  for (const { entry, path, deadline } of workEntries(d)) {
    const at = [...path, 'deadline'];
    if (deadline.kind === 'phase' && undated.has(deadline.phase) && deadline.anchor === 'end') {
      errors.inPlan([...at, 'anchor'], 'undated-phase', `"${entry.id}" is due at the end of phase "${deadline.phase}", which has no date: it ends when a planner closes it. Write ${datedFromOpening}`);
      continue;
    }
    const inUndated = path[0] === 'phases' ? [d.phases[path[1] as number].id].filter((id) => undated.has(id)) : ('phases' in entry ? (entry.phases ?? []) : []).filter((id) => undated.has(id));
    if (inUndated.length === 0) continue;
    const datedFromItsOpening = deadline.kind === 'phase' && deadline.anchor === 'start' && inUndated.includes(deadline.phase);
    if (!datedFromItsOpening) {
      errors.inPlan([...at, 'kind'], 'undated-phase', `"${entry.id}" is in undated phase "${inUndated[0]}", whose dates are known only when it opens: a deadline of kind ${deadline.kind} cannot be placed in it. Write ${datedFromOpening}`);
    }
  }
}
