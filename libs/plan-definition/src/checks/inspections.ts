import { closestMatch } from '../shared/closest-match';
import { isWithin } from '../shared/local-date';
import { describeWindow, planSpan } from './phase-windows';
import { listSome, type CheckInput, type ErrorCollector } from './check-context';

/**
 * Inspections (ADR 0024): ids unique among inspections; the inspecting unit a department (it
 * reviews rectification work, so not a class); the inspected units departments or classes; a
 * planned date inside the plan's span.
 */
export function checkInspections(input: CheckInput, errors: ErrorCollector): void {
  const { definition: d } = input;
  if (d.inspections.length === 0) return;
  const departmentIds = input.departments.map((l) => l.value.id);
  const departments = new Set(departmentIds);
  const units = new Set([...departmentIds, ...input.classes.map((l) => l.value.id)]);
  const hint = (id: string, among: string[]) => {
    const guess = closestMatch(id, among);
    return guess ? ` (did you mean "${guess}"?)` : '';
  };
  const span = planSpan(d);
  const seen = new Set<string>();
  d.inspections.forEach((inspection, i) => {
    const at = ['inspections', i];
    if (seen.has(inspection.id)) errors.inPlan([...at, 'id'], 'duplicate-id', `inspection id "${inspection.id}" is already used; ids must be unique`);
    seen.add(inspection.id);
    if (input.unitsIncomplete) return;
    if (!departments.has(inspection.by)) {
      errors.inPlan([...at, 'by'], 'dangling-reference', `"${inspection.by}" is no department of the plan${hint(inspection.by, departmentIds)}; the inspecting unit reviews rectification, so it is one department`);
    }
    const inspected = typeof inspection.units === 'string' ? [inspection.units] : inspection.units;
    inspected.forEach((unit, j) => {
      if (units.has(unit)) return;
      const path = typeof inspection.units === 'string' ? [...at, 'units'] : [...at, 'units', j];
      errors.inPlan(path, 'dangling-reference', `"${unit}" is neither a department nor a class${hint(unit, [...units])}; units: ${listSome([...units])}`);
    });
    if (inspection.date !== undefined && !isWithin(inspection.date, span)) {
      errors.inPlan([...at, 'date'], 'invalid-value', `${inspection.date} is outside the plan's span (${describeWindow(span)})`);
    }
  });
}
