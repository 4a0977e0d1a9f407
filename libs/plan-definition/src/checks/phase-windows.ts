import type { PlanDefinition } from '../schema';
import { schoolYearEnd, schoolYearStart, type DateWindow } from '../shared/local-date';

type Phase = PlanDefinition['phases'][number];

/** A phase window as dates: a school year runs 1 September – 31 August. Undefined for an undated phase (after: previous). */
export function phaseWindow(phase: Phase): DateWindow | undefined {
  const w = phase.window;
  if (w === undefined) return undefined;
  return 'schoolYear' in w ? { from: schoolYearStart(w.schoolYear), to: schoolYearEnd(w.schoolYear) } : { from: w.from, to: w.to };
}

export function planSpan(definition: PlanDefinition): DateWindow {
  const { fromSchoolYear, toSchoolYear } = definition.plan.span;
  return { from: schoolYearStart(fromSchoolYear), to: schoolYearEnd(toSchoolYear) };
}

export const describeWindow = (w: DateWindow) => `${w.from} … ${w.to}`;
