import type { PlanDefinition } from '../schema';
import { schoolYearEnd, schoolYearStart, type DateWindow } from '../shared/local-date';

type Phase = PlanDefinition['phases'][number];

/**
 * A phase window as dates: a school year runs 1 September – 31 August; a window without `to`
 * (open-ended) runs until the plan's span ends. Undefined for an undated phase (after: previous).
 */
export function phaseWindow(phase: Phase, span: DateWindow): DateWindow | undefined {
  const w = phase.window;
  if (w === undefined) return undefined;
  return 'schoolYear' in w ? { from: schoolYearStart(w.schoolYear), to: schoolYearEnd(w.schoolYear) } : { from: w.from, to: w.to ?? span.to };
}

/** The span as dates, written in school years (1 September … 31 August) or in calendar dates. */
export function planSpan(definition: PlanDefinition): DateWindow {
  const span = definition.plan.span;
  if ('from' in span) return { from: span.from, to: span.to };
  return { from: schoolYearStart(span.fromSchoolYear), to: schoolYearEnd(span.toSchoolYear) };
}

/** A span that ends before it starts: checks that place dates in it are skipped (checkPhases reports it). */
export const spanIsReversed = (definition: PlanDefinition): boolean => {
  const span = planSpan(definition);
  return span.to < span.from;
};

export const describeWindow = (w: DateWindow) => `${w.from} … ${w.to}`;
