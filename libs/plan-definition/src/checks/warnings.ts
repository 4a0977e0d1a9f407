import type { UnlocatedError } from '../plan-error';
import { publicationDateOf, type PlanDefinition } from '../schema';
import { addDays } from '../shared/local-date';
import { phaseWindow, planSpan } from './phase-windows';
import { workEntries } from './plan-entries';

/**
 * Things a valid plan may mean but usually does not: reported beside "valid", never refused.
 * A deadline before the plan's issue date cannot be met by anyone who learns of it from the plan.
 */
export function planWarnings(d: PlanDefinition, planFile: string): UnlocatedError[] {
  const warnings: UnlocatedError[] = [];
  // Published later than issued (publishOn): work due before publication is as unreachable.
  const issued = publicationDateOf(d.plan);
  const published = d.plan.publishOn === undefined ? 'issued' : 'published';
  const warn = (path: (string | number)[], id: string, due: string, how: string) =>
    warnings.push({ file: planFile, path, code: 'deadline-before-issue', message: `"${id}" is ${how} ${due}, before the plan is ${published} (${issued}); nobody can act on it from the plan` });
  for (const { entry, path, deadline } of workEntries(d)) {
    const at = [...path, 'deadline'];
    if (deadline.kind === 'fixed' && deadline.date < issued) warn([...at, 'date'], entry.id, deadline.date, 'due on');
    if (deadline.kind === 'cycle' && deadline.firstDue < issued) warn([...at, 'firstDue'], entry.id, deadline.firstDue, 'first due on');
    if (deadline.kind === 'phase') {
      const phase = d.phases.find((p) => p.id === deadline.phase);
      if (!phase) continue;
      const window = phaseWindow(phase, planSpan(d));
      if (!window) continue; // undated: its opening is known only at run time (checkOrderedPhases)
      const due = addDays(deadline.anchor === 'start' ? window.from : window.to, deadline.offsetDays);
      if (due < issued) warn([...at, deadline.offsetDays === 0 ? 'anchor' : 'offsetDays'], entry.id, due, 'due on');
    }
  }
  return warnings;
}
