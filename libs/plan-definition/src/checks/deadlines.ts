import { addDays, isWithin } from '../shared/local-date';
import type { CheckInput, ErrorCollector } from './check-context';
import { describeWindow, phaseWindow, planSpan, spanIsReversed } from './phase-windows';
import { workEntries } from './plan-entries';

/** A due date the plan can never reach is a mistake: fixed dates, first cycles, phase offsets. */
export function checkDeadlines({ definition: d }: CheckInput, errors: ErrorCollector): void {
  if (spanIsReversed(d)) return;
  const span = planSpan(d);
  const outside = (date: string) => !isWithin(date, span);
  const spanText = describeWindow(span);

  for (const { entry, path, deadline } of workEntries(d)) {
    const at = [...path, 'deadline'];
    if (deadline.kind === 'fixed' && outside(deadline.date)) {
      errors.inPlan([...at, 'date'], 'deadline-outside-span', `"${entry.id}" is due on ${deadline.date}, outside the plan span ${spanText}`);
    }
    if (deadline.kind === 'cycle' && outside(deadline.firstDue)) {
      errors.inPlan([...at, 'firstDue'], 'deadline-outside-span', `"${entry.id}" is first due on ${deadline.firstDue}, outside the plan span ${spanText}`);
    }
    if (deadline.kind === 'phase') {
      const phase = d.phases.find((p) => p.id === deadline.phase);
      if (!phase) continue;
      const window = phaseWindow(phase, span);
      if (!window) continue; // undated: its opening is known only at run time (checkOrderedPhases)
      const due = addDays(deadline.anchor === 'start' ? window.from : window.to, deadline.offsetDays);
      if (outside(due)) {
        const offset = deadline.offsetDays === 0 ? '' : ` ${deadline.offsetDays > 0 ? '+' : ''}${deadline.offsetDays} days`;
        errors.inPlan(
          [...at, 'offsetDays'],
          'deadline-outside-span',
          `"${entry.id}" falls due on ${due} (${deadline.anchor} of phase "${phase.id}"${offset}), outside the plan span ${spanText}`,
        );
      }
    }
  }
}
