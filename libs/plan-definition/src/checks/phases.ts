import { isWithin, windowsOverlap } from '../shared/local-date';
import type { CheckInput, ErrorCollector } from './check-context';
import { describeWindow, phaseWindow, planSpan } from './phase-windows';

/** The span runs forward, each window runs forward and lies inside it, and phases of one kind do not overlap. */
export function checkPhases({ definition: d }: CheckInput, errors: ErrorCollector): void {
  const { fromSchoolYear, toSchoolYear } = d.plan.span;
  const spanReversed = fromSchoolYear > toSchoolYear;
  if (spanReversed) {
    errors.inPlan(['plan', 'span', 'toSchoolYear'], 'span-reversed', `the plan span ends (school year ${toSchoolYear}) before it starts (school year ${fromSchoolYear})`);
  }
  const span = planSpan(d);
  const valid: { index: number; window: NonNullable<ReturnType<typeof phaseWindow>> }[] = [];
  d.phases.forEach((phase, index) => {
    const window = phaseWindow(phase);
    if (!window) return; // undated (after: previous): checkOrderedPhases
    if (window.to < window.from) {
      errors.inPlan(['phases', index, 'window', 'to'], 'window-reversed', `phase "${phase.id}" ends (${window.to}) before it starts (${window.from})`);
      return;
    }
    if (!spanReversed && !(isWithin(window.from, span) && isWithin(window.to, span))) {
      errors.inPlan(['phases', index, 'window'], 'phase-outside-span', `phase "${phase.id}" (${describeWindow(window)}) lies outside the plan span ${describeWindow(span)}`);
    }
    valid.push({ index, window });
  });

  for (let i = 0; i < valid.length; i++) {
    for (let j = 0; j < i; j++) {
      const [earlier, later] = [d.phases[valid[j].index], d.phases[valid[i].index]];
      if (earlier.kind !== later.kind || !windowsOverlap(valid[i].window, valid[j].window)) continue;
      const noun = later.kind === 'theme-year' ? 'theme years' : 'stages';
      errors.inPlan(
        ['phases', valid[i].index, 'window'],
        'overlapping-phases',
        `phase "${later.id}" (${describeWindow(valid[i].window)}) overlaps phase "${earlier.id}" (${describeWindow(valid[j].window)}); ${noun} may not overlap each other`,
      );
    }
  }
}
