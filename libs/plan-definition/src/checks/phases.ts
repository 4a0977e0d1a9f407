import { isWithin, windowsOverlap } from '../shared/local-date';
import type { CheckInput, ErrorCollector } from './check-context';
import { describeWindow, phaseWindow, planSpan } from './phase-windows';

/**
 * The span runs forward, each window runs forward and lies inside it, and phases of one kind do
 * not overlap, except steps (kind: step), which a campaign may run side by side.
 */
export function checkPhases({ definition: d }: CheckInput, errors: ErrorCollector): void {
  const span = planSpan(d);
  const spanReversed = span.to < span.from;
  if (spanReversed) {
    const written = d.plan.span;
    const [key, from, to] = 'from' in written
      ? ['to', written.from, written.to]
      : ['toSchoolYear', `school year ${written.fromSchoolYear}`, `school year ${written.toSchoolYear}`];
    errors.inPlan(['plan', 'span', key], 'span-reversed', `the plan span ends (${to}) before it starts (${from})`);
  }
  checkPublication(d, span, spanReversed, errors);
  const valid: { index: number; window: NonNullable<ReturnType<typeof phaseWindow>> }[] = [];
  d.phases.forEach((phase, index) => {
    const window = phaseWindow(phase, span);
    if (!window) return; // undated (after: previous): checkOrderedPhases
    const openEnded = phase.window !== undefined && 'from' in phase.window && phase.window.to === undefined;
    if (openEnded && !spanReversed && !isWithin(window.from, span)) {
      errors.inPlan(['phases', index, 'window', 'from'], 'phase-outside-span', `phase "${phase.id}" opens on ${window.from}, outside the plan span ${describeWindow(span)}; without "to" it would run until the plan ends`);
      return;
    }
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
      if (earlier.kind !== later.kind || later.kind === 'step' || !windowsOverlap(valid[i].window, valid[j].window)) continue;
      const noun = later.kind === 'theme-year' ? 'theme years' : 'stages';
      errors.inPlan(
        ['phases', valid[i].index, 'window'],
        'overlapping-phases',
        `phase "${later.id}" (${describeWindow(valid[i].window)}) overlaps phase "${earlier.id}" (${describeWindow(valid[j].window)}); ${noun} may not overlap each other (steps may: kind: step)`,
      );
    }
  }
}

/** A plan is published at its issue date or on `publishOn`: never before it is issued, never after it has ended. */
function checkPublication(d: CheckInput['definition'], span: { from: string; to: string }, spanReversed: boolean, errors: ErrorCollector): void {
  const { publishOn, issueDate } = d.plan;
  if (publishOn === undefined) return;
  if (publishOn < issueDate) {
    errors.inPlan(['plan', 'publishOn'], 'invalid-value', `the plan is published on ${publishOn}, before it is issued (issueDate ${issueDate})`);
  } else if (!spanReversed && publishOn > span.to) {
    errors.inPlan(['plan', 'publishOn'], 'invalid-value', `the plan is published on ${publishOn}, after its span has ended ${describeWindow(span)}`);
  }
}
