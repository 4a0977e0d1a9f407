import { closestMatch } from '../shared/closest-match';
import { listSome, type CheckInput, type ErrorCollector } from './check-context';

/**
 * The 考核 rubric: the units it assesses exist, the floor is not above the cap, the base lies
 * between them, a commendation rule says whom to commend, and a bulletin timetable issues at all (docs/plan-language/assessment.md).
 */
export function checkAssessment(input: CheckInput, errors: ErrorCollector): void {
  const bulletins = input.definition.bulletins;
  if (bulletins !== undefined && bulletins.weekly === undefined && bulletins.monthly === undefined && !bulletins.phaseEnd) {
    errors.inPlan(['bulletins'], 'invalid-value', 'say when bulletins are issued: weekly (a weekday), monthly (a day 1–28), phaseEnd: true, or several');
  }
  const rubric = input.definition.assessment;
  if (rubric === undefined) return;
  const units = [...new Set([...input.departments, ...input.classes].map((x) => x.value.id))];
  const known = new Set(units);
  if (!input.unitsIncomplete) {
    rubric.units?.forEach((id, i) => {
      if (known.has(id) || input.ignoredIds.has(id)) return;
      const guess = closestMatch(id, units);
      errors.inPlan(['assessment', 'units', i], 'dangling-reference',
        `unit "${id}" is not defined${guess ? ` (did you mean "${guess}"?)` : ''}; defined units: ${listSome(units)}`);
    });
  }
  const { floor, cap, base } = rubric;
  if (floor !== undefined && cap !== undefined && floor > cap) {
    errors.inPlan(['assessment', 'floor'], 'invalid-value', `the floor (${floor}) is above the cap (${cap})`);
  } else {
    if (floor !== undefined && base < floor) errors.inPlan(['assessment', 'base'], 'invalid-value', `the base score (${base}) is below the floor (${floor})`);
    if (cap !== undefined && base > cap) errors.inPlan(['assessment', 'base'], 'invalid-value', `the base score (${base}) is above the cap (${cap})`);
  }
  if (rubric.commend !== undefined && rubric.commend.top === undefined && rubric.commend.minScore === undefined) {
    errors.inPlan(['assessment', 'commend'], 'invalid-value', 'say whom to commend: top (the first N by rank), minScore (at least this score), or both');
  }
  if (Object.keys(rubric.rules).length === 0) {
    errors.inPlan(['assessment', 'rules'], 'invalid-value', 'a rubric needs at least one rule (e.g. acceptedOnTime: 1, overdue: -2)');
  }
}
